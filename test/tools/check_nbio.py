#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Run one nbio clang-tidy check on a test file and verify what it does.

Used from lit RUN lines through the %check_nbio substitution, which supplies
the tool paths:

    // RUN: %check_nbio %s nbio-unhandled-eagain
    // RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17
    // RUN: %check_nbio --prefix=SELECT %s nbio-busy-wait-retry \
    // RUN:   --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: select}}'

The test file holds its expectations as comments:

    // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'read' on ...
    // CHECK-FIXES: {{^}}    case EWOULDBLOCK:{{$}}

Steps (any failure prints an explanation and exits 1):
  1. copy the file, with every `// <P>-MESSAGES...` / `// <P>-FIXES...`
     comment blanked (line numbers stay) into a scratch directory;
  2. run clang-tidy --fix with only the named check enabled;
  3. FileCheck the diagnostics against <P>-MESSAGES (no such line: there
     must be no warning at all); unexpected warnings or errors fail;
  4. FileCheck the fixed file against <P>-FIXES (no such line: the file must
     be unchanged);
  5. if the fix changed the file: compile it warning-free with clang and gcc
     (unless --no-compile-fixed), and run the fix again, which must change
     nothing.
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

DEFAULT_STD = {"c": "-std=c11", "c++": "-std=c++17"}
EXTENSION = {"c": ".c", "c++": ".cpp"}

# A comment that carries FileCheck directives for any prefix, e.g.
# `// CHECK-MESSAGES: ...`, `// SELECT-FIXES-NEXT: ...`.
DIRECTIVE_COMMENT = re.compile(
    r"[ \t]*//[ \t]*[A-Za-z0-9_-]+-(MESSAGES|FIXES)"
    r"(-NEXT|-SAME|-NOT|-DAG|-LABEL|-EMPTY|-COUNT-[0-9]+)?:.*$")

# A diagnostic line as clang-tidy prints it ("file:1:2: warning: ..." or a
# location-less "error: ..."); source excerpts and carets start with a space.
DIAGNOSTIC = re.compile(r"^\S.*?\b(warning|error|note): ")
FIXIT_CHATTER = "note: FIX-IT applied suggested code changes"


class TestFailure(Exception):
    """A failed expectation; the message says what went wrong."""


def parse_args(argv):
    """Split our options from the compiler arguments after `--`."""
    if "--" in argv:
        cut = argv.index("--")
        argv, compiler_args = argv[:cut], argv[cut + 1:]
    else:
        compiler_args = []
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("source", help="test file with CHECK-MESSAGES/FIXES")
    p.add_argument("check", help="the check to enable, e.g. nbio-unhandled-eagain")
    p.add_argument("--lang", choices=("c", "c++"), default="c")
    p.add_argument("--config", help="clang-tidy -config (YAML/JSON)")
    p.add_argument("--prefix", default="CHECK",
                   help="use P-MESSAGES / P-FIXES (default CHECK)")
    p.add_argument("--no-compile-fixed", action="store_true",
                   help="do not compile the fixed file")
    p.add_argument("--fix-notes", action="store_true",
                   help="also apply fixes attached to notes")
    p.add_argument("--temp-dir", help="scratch directory (lit's %%t); "
                   "default: a fresh temporary directory")
    p.add_argument("--clang-tidy", default="clang-tidy")
    p.add_argument("--plugin", required=True, help="nbio-tidy-N.so")
    p.add_argument("--filecheck", default="FileCheck")
    p.add_argument("--clang", default="clang")
    p.add_argument("--gcc", default="gcc")
    p.add_argument("--gxx", help="C++ driver of gcc (default: next to --gcc)")
    args = p.parse_args(argv)
    if not any(a.startswith("-std=") for a in compiler_args):
        compiler_args = [DEFAULT_STD[args.lang]] + compiler_args
    args.compiler_args = compiler_args
    # clang-tidy runs in the scratch directory: make given paths absolute.
    args.source = os.path.abspath(args.source)
    args.plugin = os.path.abspath(args.plugin)
    for tool in ("clang_tidy", "filecheck", "clang", "gcc"):
        if os.sep in getattr(args, tool):
            setattr(args, tool, os.path.abspath(getattr(args, tool)))
    if args.gxx is None:
        head, tail = os.path.split(args.gcc)
        args.gxx = os.path.join(head, tail.replace("gcc", "g++"))
    return args


def run(cmd, cwd=None, stdin=None):
    """Run cmd, returning (exit code, stdout, stderr) as text."""
    proc = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True,
                          text=True)
    return proc.returncode, proc.stdout, proc.stderr


def show(cmd):
    """A command as it could be pasted into a shell."""
    return " ".join(_quote(c) for c in cmd)


def _quote(word):
    return word if re.fullmatch(r"[\w@%+=:,./-]+", word) else "'" + word.replace("'", "'\\''") + "'"


def fail_command(what, cmd, code, out, err):
    """Raise a TestFailure describing a command that went wrong."""
    raise TestFailure("%s\n  command: %s\n  exit code: %d\n--- stdout ---\n%s"
                      "--- stderr ---\n%s" % (what, show(cmd), code, out, err))


def has_directives(text, prefix, kind):
    """True if text has a `<prefix>-<kind>` FileCheck directive."""
    return re.search(r"\b%s-%s(-[A-Z0-9-]+)?:" % (re.escape(prefix), kind),
                     text) is not None


def strip_directives(text):
    """Blank every MESSAGES/FIXES comment, keeping the line count."""
    return "\n".join(DIRECTIVE_COMMENT.sub("", line)
                     for line in text.split("\n"))


def diagnostics(stdout):
    """The diagnostic lines of clang-tidy's output, without fix chatter."""
    return [line for line in stdout.splitlines()
            if DIAGNOSTIC.match(line) and FIXIT_CHATTER not in line]


def unified_diff(before, after, name_a, name_b):
    """A unified diff of two texts, as one string."""
    if before == after:
        return "(none: the file was not changed)\n"
    return "".join(difflib.unified_diff(before.splitlines(True),
                                        after.splitlines(True), name_a, name_b))


def run_tidy(args, path):
    """Run clang-tidy --fix on path; return its diagnostic lines."""
    cmd = [args.clang_tidy, "--load=" + args.plugin,
           "-checks=-*," + args.check,
           # Always give -config so that no .clang-tidy file is picked up.
           "-config=" + (args.config or "{}"), "--fix"]
    if args.fix_notes:
        cmd.append("--fix-notes")
    cmd += [os.path.basename(path), "--"] + args.compiler_args
    code, out, err = run(cmd, cwd=os.path.dirname(path))
    if code != 0:
        fail_command("clang-tidy failed", cmd, code, out, err)
    return diagnostics(out)


def check_messages(args, diags):
    """FileCheck the diagnostics against <prefix>-MESSAGES."""
    text = "\n".join(diags) + ("\n" if diags else "")
    with open(args.source) as f:
        source = f.read()
    if not has_directives(source, args.prefix, "MESSAGES"):
        if diags:
            raise TestFailure("no %s-MESSAGES line, so no diagnostic was "
                              "expected, but clang-tidy printed:\n%s"
                              % (args.prefix, text))
        return
    cmd = [args.filecheck, args.source, "--input-file=-", "--allow-empty",
           "--check-prefix=%s-MESSAGES" % args.prefix,
           "--implicit-check-not={{warning|error}}:"]
    code, out, err = run(cmd, stdin=text)
    if code != 0:
        fail_command("diagnostics do not match %s-MESSAGES" % args.prefix,
                     cmd, code, out, err)


def check_fixes(args, original, fixed_path):
    """FileCheck the fixed file against <prefix>-FIXES, or require no fix."""
    with open(fixed_path) as f:
        fixed = f.read()
    with open(args.source) as f:
        source = f.read()
    if not has_directives(source, args.prefix, "FIXES"):
        if fixed != original:
            raise TestFailure("no %s-FIXES line, so no fix was expected, but "
                              "the file changed:\n%s" % (args.prefix,
                              unified_diff(original, fixed, "input", "fixed")))
        return
    cmd = [args.filecheck, args.source, "--input-file=" + fixed_path,
           "--check-prefix=%s-FIXES" % args.prefix, "--strict-whitespace"]
    code, out, err = run(cmd)
    if code != 0:
        fail_command("fixed file does not match %s-FIXES; the fix was:\n%s"
                     % (args.prefix,
                        unified_diff(original, fixed, "input", "fixed")),
                     cmd, code, out, err)


def compile_fixed(args, path):
    """The fixed file must compile without warnings with clang and gcc."""
    lang = "c++" if args.lang == "c++" else "c"
    compilers = [args.clang, args.gxx if lang == "c++" else args.gcc]
    for cc in compilers:
        cmd = [cc, "-x", lang, "-fsyntax-only", "-Wall", "-Wextra", "-Werror"]
        cmd += args.compiler_args + [path]
        code, out, err = run(cmd)
        if code != 0:
            fail_command("the fixed file does not compile cleanly "
                         "(use --no-compile-fixed if that is intended)",
                         cmd, code, out, err)


def check_idempotent(args, fixed_path, scratch):
    """A second --fix on the fixed file must change nothing."""
    with open(fixed_path) as f:
        fixed = f.read()
    again = os.path.join(scratch, "again" + EXTENSION[args.lang])
    with open(again, "w") as f:
        f.write(fixed)
    run_tidy(args, again)
    with open(again) as f:
        refixed = f.read()
    if refixed != fixed:
        raise TestFailure("the fix is not idempotent: a second --fix changed "
                          "the fixed file:\n%s"
                          % unified_diff(fixed, refixed, "fixed", "fixed-twice"))


def prepare_scratch(args):
    """Create the scratch directory; return (path, created-by-us)."""
    if args.temp_dir:
        shutil.rmtree(args.temp_dir, ignore_errors=True)
        os.makedirs(args.temp_dir)
        return args.temp_dir, False
    return tempfile.mkdtemp(prefix="check_nbio."), True


def main(argv):
    """Run every step; return the process exit code."""
    args = parse_args(argv)
    scratch, ours = prepare_scratch(args)
    stem = os.path.splitext(os.path.basename(args.source))[0]
    copy = os.path.join(scratch, stem + EXTENSION[args.lang])
    try:
        with open(args.source) as f:
            original = strip_directives(f.read())
        with open(copy, "w") as f:
            f.write(original)
        check_messages(args, run_tidy(args, copy))
        check_fixes(args, original, copy)
        with open(copy) as f:
            changed = f.read() != original
        if changed and not args.no_compile_fixed:
            compile_fixed(args, copy)
        if changed:
            check_idempotent(args, copy, scratch)
    except TestFailure as e:
        print("check_nbio: FAIL: %s %s (prefix %s)\n%s\n(files kept in %s)"
              % (args.source, args.check, args.prefix, e, scratch),
              file=sys.stderr)
        return 1
    if ours:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
