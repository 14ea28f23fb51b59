#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Write the Debian changelog of a nbio package from CHANGELOG.md.

    debian-changelog.py --package nbio-19 \\
        --maintainer 'Name <address>' CHANGELOG.md changelog.gz

Each "## [VERSION] - YYYY-MM-DD" entry of CHANGELOG.md becomes one entry of
the Debian changelog (deb-changelog(5)), newest first; its "- " items
become "  * " items, under their "### Heading" as a "[ Heading ]" line.
The output is compressed as Debian policy wants (gzip -9, no name, no
timestamp), so the same input gives the same bytes.
"""

import argparse
import datetime
import gzip
import re
import sys
import textwrap

ENTRY = re.compile(r"^## \[([0-9][0-9A-Za-z.+~-]*)\] - (\d{4})-(\d\d)-(\d\d)\s*$")


def entries(text):
    """[(version, date, [(heading, [item, ...]), ...]), ...]"""
    out = []
    item = None
    for line in text.splitlines():
        m = ENTRY.match(line)
        if m:
            date = datetime.date(*map(int, m.groups()[1:]))
            out.append((m.group(1), date, []))
            item = None
        elif not out:
            continue
        elif line.startswith("### "):
            out[-1][2].append((line[4:].strip(), []))
            item = None
        elif line.startswith("- "):
            if not out[-1][2]:
                out[-1][2].append(("", []))
            item = [line[2:].strip()]
            out[-1][2][-1][1].append(item)
        elif line.startswith("  ") and item is not None and line.strip():
            item.append(line.strip())
        elif not line.strip():
            item = None
    return out


def debian(package, maintainer, distribution, text):
    blocks = []
    for version, date, sections in entries(text):
        lines = ["%s (%s) %s; urgency=medium" % (package, version,
                                                 distribution), ""]
        for heading, items in sections:
            if heading:
                lines.append("  [ %s ]" % heading)
            for words in items:
                lines += textwrap.wrap(" ".join(words), 79,
                                       initial_indent="  * ",
                                       subsequent_indent="    ",
                                       break_on_hyphens=False)
        when = datetime.datetime(date.year, date.month, date.day,
                                 tzinfo=datetime.timezone.utc)
        lines += ["", " -- %s  %s" % (
            maintainer, when.strftime("%a, %d %b %Y %H:%M:%S +0000")), ""]
        blocks.append("\n".join(lines))
    if not blocks:
        raise ValueError("no '## [VERSION] - YYYY-MM-DD' entry")
    return "\n".join(blocks)


def main(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[2:]))
    p.add_argument("--package", required=True)
    p.add_argument("--maintainer", required=True)
    p.add_argument("--distribution", default="unstable")
    p.add_argument("changelog", help="CHANGELOG.md")
    p.add_argument("output", help="changelog.gz, or - for plain text")
    args = p.parse_args(argv)
    with open(args.changelog, encoding="utf-8") as f:
        try:
            text = debian(args.package, args.maintainer, args.distribution,
                          f.read())
        except ValueError as e:
            print("debian-changelog: %s: %s" % (args.changelog, e),
                  file=sys.stderr)
            return 1
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "wb") as f:
            f.write(gzip.compress(text.encode("utf-8"), 9, mtime=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
