#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Compares what the editor showed with what clang-tidy printed.

usage: compare-diags.py REPORT TIDY_OUTPUT [--checks=PREFIX,...]

REPORT is nbio-editor.lua's report (its `diag` and `note` lines before any
`after:` ones); TIDY_OUTPUT is clang-tidy's standard output for the same
file. Both are reduced to the warnings in that file (the report's `file`
line names it) of the checks named by the prefixes (default: nbio-), each
with its line, column and message, and its notes
with their file, line, column and message. clangd starts messages with a
capital letter and appends " (fix available)" or " (fixes available)": both
are undone. A note that carries a fix (the nbio checks start its message
with "fix:") is no note in clangd but one of its diagnostic's fixes: such
notes of clang-tidy's are left out.

Prints the common list and exits 0 when the two agree; prints both lists
and exits 1 otherwise.
"""
import argparse
import os
import re
import sys

TIDY_LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|error|note): "
    r"(?P<msg>.*?)(?: \[(?P<code>[\w.,-]+)\])?$")
DIAG = re.compile(r"^diag (?P<line>\d+):(?P<col>\d+) (?P<sev>\w+) \[(?P<code>[^\]]*)\] (?P<msg>.*)$")
NOTE = re.compile(r"^note (?P<line>\d+):(?P<col>\d+) (?P<file>\S+) (?P<msg>.*)$")


def norm(msg):
    msg = msg.removesuffix(" (fix available)").removesuffix(" (fixes available)")
    return msg[:1].lower() + msg[1:]


def wanted(code, prefixes):
    return any(code.startswith(p) for p in prefixes)


def from_tidy(text, prefixes, main):
    out, current = [], None
    for raw in text.splitlines():
        m = TIDY_LINE.match(raw)
        if not m:
            continue
        if m["kind"] == "note":
            if current is not None and not m["msg"].startswith("fix: "):
                current[1].append((os.path.basename(m["file"]), int(m["line"]),
                                   int(m["col"]), norm(m["msg"])))
            continue
        code = (m["code"] or "").split(",")[0]
        if not wanted(code, prefixes) or os.path.basename(m["file"]) != main:
            current = None
            continue
        current = ((int(m["line"]), int(m["col"]), code, norm(m["msg"])), [])
        out.append(current)
    return out


def from_report(text, prefixes):
    out, current, main = [], None, None
    for raw in text.splitlines():
        if raw.startswith("file "):
            main = raw[len("file "):]
            continue
        if raw.startswith("after: "):
            break
        m = DIAG.match(raw)
        if m:
            if wanted(m["code"], prefixes):
                current = ((int(m["line"]), int(m["col"]), m["code"], norm(m["msg"])), [])
                out.append(current)
            else:
                current = None
            continue
        m = NOTE.match(raw)
        if m and current is not None:
            current[1].append((m["file"], int(m["line"]), int(m["col"]), norm(m["msg"])))
    if main is None:
        sys.exit("compare-diags: the report names no file")
    return out, main


def show(title, diags):
    print(title)
    for (line, col, code, msg), notes in diags:
        print(f"  {line}:{col} [{code}] {msg}")
        for f, nl, nc, nm in notes:
            print(f"    note {f}:{nl}:{nc} {nm}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("tidy")
    ap.add_argument("--checks", default="nbio-")
    args = ap.parse_args()
    prefixes = [p for p in args.checks.split(",") if p]
    with open(args.report) as f:
        editor, main = from_report(f.read(), prefixes)
    with open(args.tidy) as f:
        tidy = from_tidy(f.read(), prefixes, main)
    editor, tidy = sorted(editor), sorted(tidy)
    if editor == tidy:
        show(f"match: {len(editor)} diagnostics", editor)
        return 0
    show("MISMATCH\neditor (nbio-clangd):", editor)
    show("clang-tidy:", tidy)
    return 1


if __name__ == "__main__":
    sys.exit(main())
