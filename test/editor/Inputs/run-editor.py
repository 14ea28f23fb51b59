#!/usr/bin/env python3
"""Runs headless Neovim on one file with nbio-editor.lua as its init file.

usage: run-editor.py --nvim=NVIM --init=LUA --clangd=CLANGD --home=DIR
                     --report=FILE [--timeout=SECONDS] [--navigate=L:C]
                     [--fix-at=L:C --fix-title=TEXT] FILE

Neovim and clangd see a fresh HOME and XDG directories under DIR, so the
user's own Neovim and clangd configuration (~/.config/clangd/config.yaml)
play no part. The whole run is bounded by --timeout; each wait inside it by
a quarter of that. On failure the report and the LSP log are printed.
"""
import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nvim", required=True)
    ap.add_argument("--init", required=True)
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--home", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--timeout", type=float, default=240)
    ap.add_argument("--navigate")
    ap.add_argument("--fix-at")
    ap.add_argument("--fix-title")
    ap.add_argument("file")
    args = ap.parse_args()

    home = os.path.abspath(args.home)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "NVIM", "VIM", "NBIO_"))}
    env.update(HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_CACHE_HOME=os.path.join(home, ".cache"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"),
               XDG_STATE_HOME=os.path.join(home, ".local", "state"),
               NBIO_CLANGD=args.clangd,
               NBIO_FILE=os.path.abspath(args.file),
               NBIO_REPORT=os.path.abspath(args.report),
               NBIO_TIMEOUT_MS=str(int(args.timeout * 1000 / 4)))
    if args.navigate:
        env["NBIO_NAVIGATE"] = args.navigate
    if args.fix_at:
        env["NBIO_FIX_AT"] = args.fix_at
        env["NBIO_FIX_TITLE"] = args.fix_title or ""
    for d in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.makedirs(env[d], exist_ok=True)
    if os.path.exists(args.report):
        os.remove(args.report)

    cmd = [args.nvim, "--headless", "-n", "-i", "NONE", "-u", args.init]
    try:
        proc = subprocess.run(cmd, env=env, cwd=os.path.dirname(env["NBIO_FILE"]),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=args.timeout)
        status, output = proc.returncode, proc.stdout
    except subprocess.TimeoutExpired as e:
        status, output = f"killed after {args.timeout} s", e.stdout or b""

    if status == 0 and os.path.exists(args.report):
        return 0
    print(f"run-editor: nvim failed ({status})", file=sys.stderr)
    sys.stderr.write(output.decode(errors="replace"))
    for title, path in (("report", args.report),
                        ("LSP log", os.path.join(env["XDG_CACHE_HOME"], "nvim", "lsp.log"))):
        if os.path.exists(path):
            print(f"--- {title} ({path}):", file=sys.stderr)
            with open(path, errors="replace") as f:
                sys.stderr.write(f.read()[-20000:])
    return 1


if __name__ == "__main__":
    sys.exit(main())
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
