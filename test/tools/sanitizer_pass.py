#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""The sanitizer pass of `make check`: runs lit on the sanitizer tree's
tests (the ASan+UBSan plugin loaded into Debian's clang-tidy through
test/tools/sanitized-clang-tidy) and fails if lit fails or if any sanitizer
report was written, even by a run whose failure a test expected (lit's
`not` turns a crash into success).

    sanitizer_pass.py --reports DIR -- LIT-COMMAND...
"""

import argparse
import os
import shutil
import subprocess
import sys


def main(argv):
    cut = argv.index("--")
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reports", required=True,
                   help="the directory the wrapper copies reports into")
    args = p.parse_args(argv[:cut])
    lit = argv[cut + 1:]
    shutil.rmtree(args.reports, ignore_errors=True)
    os.makedirs(args.reports)
    sys.stdout.flush()
    rc = subprocess.call(lit)
    reports = sorted(os.listdir(args.reports))
    for name in reports:
        print("=== sanitizer report %s ===" % name)
        with open(os.path.join(args.reports, name), errors="replace") as f:
            sys.stdout.write(f.read())
    if reports:
        print("sanitizer pass: FAILED: %d sanitizer report(s), kept in %s"
              % (len(reports), args.reports))
        return 1
    print("sanitizer pass: no sanitizer report; lit exit code %d" % rc)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
