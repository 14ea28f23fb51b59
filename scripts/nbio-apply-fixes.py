#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Apply exported clang-tidy fixes, except those of translation units that
did not compile.

clang-tidy --fix refuses to fix a file that has compile errors unless it is
given --fix-errors.  run-clang-tidy -fix does not: it exports every unit's
fixes (clang-tidy exports them even when the unit has errors) and applies
them all with clang-apply-replacements.  This script is the second step of

    run-clang-tidy-N -load <plugin> -p build -checks='-*,nbio-*' \\
        -export-fixes fixes/
    nbio-apply-fixes.py fixes/

with clang-tidy's own rule: the fixes of a unit with compile errors are left
out (and named) unless --fix-errors is given.  A header fixed from several
units is still fixed through the units that compiled.  Fixes on notes are
left out too, as clang-tidy --fix leaves them (clang-apply-replacements
alone would apply a warning's first note fix): with --fix-notes, a
warning's note fix is applied where it is the only one, as clang-tidy
--fix-notes does.  Exit status: 0 when
everything was applied, 1 when a unit was left out, 2 on an error.
Needs PyYAML (Debian: python3-yaml).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The project's version (CMakeLists.txt's project()): CMake writes it here in
# its copies (bin/nbio-apply-fixes-N of a build tree, the installed one); run from
# the source tree, the script reads it from there ("unknown" elsewhere).
VERSION = "@NBIO_VERSION@"
if VERSION.startswith("@"):
    try:
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               os.pardir, "CMakeLists.txt"),
                  encoding="utf-8") as cml:
            VERSION = re.search(r"project\(nbio VERSION ([0-9.]+)",
                                cml.read())[1]
    except (OSError, TypeError):
        VERSION = "unknown"


def yaml_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(os.path.join(p, n) for n in os.listdir(p)
                          if n.endswith((".yaml", ".yml")))
        else:
            out.append(p)
    return out


def compile_errors(doc):
    """The compiler's errors in one exported unit (clang-diagnostic-* at
    level Error; -warnings-as-errors also says Error, but for checks)."""
    return [d for d in doc.get("Diagnostics") or []
            if str(d.get("Level")) == "Error"
            and str(d.get("DiagnosticName", "")).startswith("clang-diagnostic-")]


def drop_note_fixes(doc, fix_notes):
    """Empty the replacements of notes that clang-tidy --fix (or, with
    fix_notes, --fix-notes) would not apply; True if any was emptied."""
    changed = False
    for d in doc.get("Diagnostics") or []:
        own = (d.get("DiagnosticMessage") or {}).get("Replacements") or []
        notes = [n for n in d.get("Notes") or [] if n.get("Replacements")]
        if not notes or (fix_notes and not own and len(notes) == 1):
            continue
        for n in notes:
            n["Replacements"] = []
        changed = True
    return changed


def main(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[2:]))
    p.add_argument("--version", action="version",
                   version="%(prog)s (nbio) " + VERSION)
    p.add_argument("fixes", nargs="+",
                   help="--export-fixes YAML files or directories of them")
    p.add_argument("--fix-errors", action="store_true",
                   help="also apply the fixes of units with compile errors")
    p.add_argument("--fix-notes", action="store_true",
                   help="also apply a warning's fix on a note, where it is "
                        "the warning's only one (clang-tidy --fix-notes)")
    p.add_argument("--clang-apply-replacements", default=None,
                   help="the binary (default: clang-apply-replacements-N "
                        "or clang-apply-replacements on PATH)")
    p.add_argument("--format", action="store_true",
                   help="clang-format the fixed code (clang-apply-"
                        "replacements -format)")
    p.add_argument("--style", help="clang-format style for --format")
    args = p.parse_args(argv)

    try:
        import yaml
    except ImportError:
        print("nbio-apply-fixes: needs PyYAML (apt-get install python3-yaml)",
              file=sys.stderr)
        return 2
    car = args.clang_apply_replacements
    if not car:
        for n in ("22", "21", "20", "19", ""):
            car = shutil.which("clang-apply-replacements" + ("-" + n if n else ""))
            if car:
                break
    if not car:
        print("nbio-apply-fixes: clang-apply-replacements not found; pass "
              "--clang-apply-replacements", file=sys.stderr)
        return 2

    skipped = 0
    with tempfile.TemporaryDirectory(prefix="nbio-fixes.") as tmp:
        kept = 0
        for i, path in enumerate(yaml_files(args.fixes)):
            with open(path, encoding="utf-8") as f:
                docs = [d for d in yaml.safe_load_all(f) if d]
            errors = [e for d in docs for e in compile_errors(d)]
            if errors and not args.fix_errors:
                units = ", ".join(sorted({d.get("MainSourceFile", path)
                                          for d in docs}))
                print("nbio-apply-fixes: not fixing %s: %d compile error(s), "
                      "first: %s (pass --fix-errors to fix it anyway)"
                      % (units, len(errors),
                         errors[0]["DiagnosticMessage"].get("Message")))
                skipped += 1
                continue
            out = os.path.join(tmp, "%06d.yaml" % i)
            if any([drop_note_fixes(d, args.fix_notes) for d in docs]):
                with open(out, "w", encoding="utf-8") as f:
                    yaml.safe_dump_all(docs, f, sort_keys=False,
                                       allow_unicode=True)
            else:
                shutil.copyfile(path, out)
            kept += 1
        if kept:
            cmd = [car]
            if args.format:
                cmd.append("-format")
                if args.style:
                    cmd.append("-style=" + args.style)
            cmd.append(tmp)
            r = subprocess.run(cmd)
            if r.returncode != 0:
                print("nbio-apply-fixes: %s failed" % " ".join(cmd),
                      file=sys.stderr)
                return 2
        print("nbio-apply-fixes: applied the fixes of %d unit(s), left out %d"
              % (kept, skipped))
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
