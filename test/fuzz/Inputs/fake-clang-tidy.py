#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""A stand-in for clang-tidy with the plugin, for the fuzzer's own tests:
it misbehaves, as FAKE_MODE says, on any input that calls read(), and does
nothing on the others, so the fuzzer must find the failure and reduce the
input to the read.

  crash      dies of SIGSEGV
  hang       sleeps for a minute
  sanitizer  prints an AddressSanitizer report and exits 86 (as the
             sanitized wrapper does)
  break-fix  --fix appends a line that does not compile
  garble     --fix drops the text of the first // comment (the file still
             compiles, but a fix must keep comments)
  drift      --fix appends an empty declaration every time (never settles)
"""
import os
import re
import signal
import sys
import time

argv = sys.argv[1:]
cut = argv.index("--") if "--" in argv else len(argv)
path = [a for a in argv[:cut] if not a.startswith("-")][-1]
with open(path) as f:
    text = f.read()
mode = os.environ.get("FAKE_MODE", "")
if "read(" in text:
    if mode == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif mode == "hang":
        time.sleep(60)
    elif mode == "sanitizer":
        sys.stderr.write("==1==ERROR: AddressSanitizer: heap-use-after-free on "
                         "address 0x602000000010\n    #0 0x1 in "
                         "clang::tidy::nbio::fake() fake.cpp:1\n")
        sys.exit(86)
    elif mode == "break-fix" and "--fix" in argv:
        with open(path, "a") as f:
            f.write("this is not C;\n")
    elif mode == "garble" and "--fix" in argv and "//" in text:
        with open(path, "w") as f:
            f.write(re.sub(r"//[^\n]*", "//", text, count=1))
    elif mode == "drift" and "--fix" in argv:
        with open(path, "a") as f:
            f.write(";\n")
sys.exit(0)
