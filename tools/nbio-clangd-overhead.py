#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""What the nbio checks cost clangd, measured by clangd itself.

usage: nbio-clangd-overhead.py --clangd=nbio-clangd-N [--runs=5]
           [--compile-commands-dir=DIR] [--checks='nbio-*'] FILE...

For each FILE, runs `nbio-clangd-N --check=FILE --check-tidy-time=CHECKS`
--runs times. clangd builds the file's AST (after its preamble) without any
clang-tidy check, then with each check alone, and prints the slowdown of
each; it calls a check fast when that is under 10% (on its own benchmark,
clang/lib/Sema/Sema.cpp). This script prints, per file and check, the
median of the runs with their range, and the median baseline AST build
time, as a Markdown table. Runs that clangd discards as unstable are
retried by clangd itself; a check with no figure in a run is left out of
that run. Wall-clock figures: run it on a quiet machine.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

BASELINE = re.compile(r"Baseline = (\d+) ns")
CHECK = re.compile(r"^\S+\s+([\w.-]+) = (-?\d+)%$")


def measure(args, path):
    cmd = [args.clangd, "--check=" + path, "--check-tidy-time=" + args.checks,
           "--check-lines=1-1"]  # skip the per-token feature tests
    if args.compile_commands_dir:
        cmd.append("--compile-commands-dir=" + args.compile_commands_dir)
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, timeout=args.timeout).stdout
    base = BASELINE.search(out)
    if not base:
        sys.exit(f"{path}: no baseline in clangd's output:\n{out[-3000:]}")
    checks = {}
    for line in out.splitlines():
        m = CHECK.match(line.strip())
        if m and m[1] != "Baseline":
            checks[m[1]] = int(m[2])
    return int(base[1]) / 1e6, checks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--checks", default="nbio-*")
    ap.add_argument("--compile-commands-dir")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    rows, names = [], set()
    for given in args.files:
        path = os.path.abspath(given)
        bases, per_check = [], {}
        for _ in range(args.runs):
            base, checks = measure(args, path)
            bases.append(base)
            for name, pct in checks.items():
                per_check.setdefault(name, []).append(pct)
        names.update(per_check)
        with open(path, errors="replace") as f:
            lines = sum(1 for _ in f)
        rows.append((given, lines, statistics.median(bases), per_check))

    names = sorted(names)
    print("| file | lines | AST build | " + " | ".join(names) + " |")
    print("|---|---:|---:|" + "---:|" * len(names))
    for path, lines, base, per_check in rows:
        cells = []
        for name in names:
            v = per_check.get(name, [])
            cells.append(f"{statistics.median(v):g}% ({min(v)}..{max(v)})" if v else "n/a")
        print(f"| {path} | {lines} | {base:.1f} ms | " + " | ".join(cells) + " |")
    print(f"\n{args.runs} runs each; median slowdown of the AST build (range).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
