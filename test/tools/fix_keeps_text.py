#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Check that a fixed C/C++ file kept the text a fix must never garble.

    fix_keeps_text.py ORIGINAL FIXED

Compares the comments, string and character literals, preprocessor lines
and backslash-newlines of the two files (issue 14, defect 3: a fix that
pastes source text back must keep its layout):

  - each of them in ORIGINAL is still in FIXED, at least as many times
    (a fix may copy one; it must not lose or alter one);
  - each comment and literal in FIXED is one of ORIGINAL's (a copy that
    swallowed code into a comment or squeezed a literal's spaces is not);
  - no preprocessor line is pasted into the middle of a line, and each
    `#include` the fix adds names a header (`#include <>` does not);
  - FIXED has at least ORIGINAL's number of backslash-newlines.

One edit of a preprocessor line is a fix's own: eagain-ewouldblock fixes a
comparison written in a macro's body in the `#define` (`((e) == EAGAIN)`
becomes `((e) == EAGAIN || (EWOULDBLOCK != EAGAIN && (e) == EWOULDBLOCK))`).
A `#define` that is gone counts as kept when FIXED has a `#define` of the
same macro that is its text with code inserted in at most two places (no
newline, line splice, comment, quote or slash inserted) and the same
comments and literals inside.

Exits 1 and says what differs, 0 if nothing does.
"""

import collections
import re
import sys

DIRECTIVE = re.compile(r"#\s*(if|ifdef|ifndef|elif|else|endif|define|undef|"
                       r"include|pragma|error|warning|line)\b")
INCLUDE = re.compile(r'#\s*include\s*(<[^<>\s][^<>]*>|"[^"\s][^"]*")\s*$')


def scan(text):
    """The comments, literals and directives of text, in order, as
    (kind, text) pairs; directives stripped of surrounding blanks."""
    items = []
    i, n = 0, len(text)
    line_start = True  # only blanks since the last newline
    while i < n:
        c = text[i]
        if c == "\n":
            line_start = True
            i += 1
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if c == "\\" and text.startswith("\\\n", i):
            i += 2
            continue
        if line_start and c == "#":
            # A directive runs to the first newline not spliced away; a
            # comment inside it is part of its text here.
            j = i
            while j < n and text[j] != "\n":
                j += 2 if text.startswith("\\\n", j) else 1
            items.append(("directive", text[i:j].strip()))
            i = j
            continue
        line_start = False
        if c == "#":
            m = DIRECTIVE.match(text, i)
            if m:
                items.append(("mid-line directive", m.group(0)))
                i = m.end()
                continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            items.append(("comment", text[i:j].rstrip()))
            i = j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            items.append(("comment", text[i:j]))
            i = j
            continue
        m = re.match(r'(?:u8|u|U|L)?(["\'])', text[i:i + 3])
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            quote = m.group(1)
            j = i + m.end()
            while j < n and text[j] != quote and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j += 1
            items.append(("string" if quote == '"' else "char", text[i:j]))
            i = j
            continue
        i += 1
    return items


DEFINE = re.compile(r"#\s*define\s+(\w+)(\([^)]*\))?")
# What a fix may insert into a macro's body: code, never anything that
# starts or ends a comment, a literal or a line.
INSERTED_FORBIDDEN = set("\n\\\"'/")


def only_code_inserted(old, new):
    """True when `new` is `old` with code inserted in at most two places
    (the fix's `(` before the comparison and its `|| ...)` after): `old`
    split as A + B + C and `new` as A + X + B + Y + C, X and Y none of
    INSERTED_FORBIDDEN; and the comments and literals inside the same."""
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    c = 0
    while (c < min(len(old), len(new)) - a and
           old[len(old) - 1 - c] == new[len(new) - 1 - c]):
        c += 1
    b = old[a:len(old) - c]
    middle = new[a:len(new) - c]
    at = middle.find(b)
    if at < 0:
        return False
    inserted = middle[:at] + middle[at + len(b):]
    if any(ch in INSERTED_FORBIDDEN for ch in inserted):
        return False
    inside = lambda d: collections.Counter(
        k for k in scan(d[1:]) if k[0] in ("comment", "string", "char"))
    return inside(old) == inside(new)


def edited_define(text, added):
    """The directive of `added` (FIXED's own) that is `text`, a #define of
    ORIGINAL's, with only code inserted into it; None if there is none."""
    m = DEFINE.match(text)
    if not m:
        return None
    for d in added:
        n = DEFINE.match(d)
        if n and n.group(0) == m.group(0) and only_code_inserted(text, d):
            return d
    return None


def problems(orig, fixed):
    """What the fix garbled, one sentence each; empty if nothing."""
    before = collections.Counter(scan(orig))
    after = collections.Counter(scan(fixed))
    # FIXED's directives that ORIGINAL does not have: candidates for an
    # edited #define (each stands for one original at most).
    added = [t for (k, t), c in after.items() if k == "directive"
             for _ in range(c - before[(k, t)])]
    edited = set()
    found = []
    for (kind, text), count in sorted(before.items()):
        if kind == "directive" and after[(kind, text)] < count:
            for _ in range(count - after[(kind, text)]):
                d = edited_define(text, added)
                if d is None:
                    break
                added.remove(d)
                edited.add(d)
                after[(kind, text)] += 1
        if after[(kind, text)] < count:
            found.append("%s lost or altered (%d in the original, %d after "
                            "the fix): %s" % (kind, count, after[(kind, text)],
                                              text))
    for (kind, text) in sorted(after):
        if (kind, text) in before or (kind == "directive" and text in edited):
            continue
        # The fixes add whole preprocessor lines of their own (an include,
        # `#if EWOULDBLOCK != EAGAIN` around a new case); an include must
        # name a header.
        if kind == "directive" and (INCLUDE.match(text) or
                                    not re.match(r"#\s*include\b", text)):
            continue
        # The comment that heads a helper a fix inserts (the connect
        # check's nbio_connect_wait) is the fix's own text.
        if kind == "comment" and text.startswith("/* Added by nbio-"):
            continue
        found.append("%s not in the original (text pasted badly?): %s"
                        % (kind, text))
    splices = (orig.count("\\\n"), fixed.count("\\\n"))
    if splices[1] < splices[0]:
        found.append("backslash-newlines lost: %d in the original, %d "
                        "after the fix" % splices)
    return found


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], errors="replace") as f:
        orig = f.read()
    with open(argv[2], errors="replace") as f:
        fixed = f.read()
    found = problems(orig, fixed)
    if found:
        print("fix_keeps_text: %s garbled the text of %s:" % (argv[2], argv[1]))
        for p in found:
            print("  " + p)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
