#!/usr/bin/env python3
"""Stands in for clang-tidy to test the runner's idempotency step: every
--fix appends one more line to the file, so a second run changes it again."""
import sys

args = sys.argv[1:]
source = args[args.index("--") - 1]
if "--fix" in args:
    with open(source, "a") as f:
        f.write("int appended;\n")
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
