#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""check_reduced.py RESULTS: each finding in RESULTS/findings has a reduced
input that still calls read() and has fewer lines than its input."""
import glob
import os
import sys

dirs = sorted(glob.glob(os.path.join(sys.argv[1], "findings", "*")))
if not dirs:
    sys.exit("no finding in %s" % sys.argv[1])
for d in dirs:
    inp = (glob.glob(os.path.join(d, "input.*")) or [None])[0]
    red = (glob.glob(os.path.join(d, "reduced.*")) or [None])[0]
    if not inp or not red:
        sys.exit("%s: input or reduced input missing" % d)
    a, b = open(inp).read(), open(red).read()
    if "read(" not in b:
        sys.exit("%s: the reduced input lost the read()" % d)
    if b.count("\n") >= a.count("\n"):
        sys.exit("%s: not reduced (%d lines, input %d)" % (
            d, b.count("\n") + 1, a.count("\n") + 1))
    print("%s: %d -> %d lines" % (d, a.count("\n") + 1, b.count("\n") + 1))
