#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Turn clang-tidy's findings into SARIF 2.1.0 or a GitLab Code Quality report.

clang-tidy has no SARIF output of its own.  This reads what it does write:

  * its text output (clang-tidy, run-clang-tidy, clang-tidy-diff, a build
    log with CMAKE_<LANG>_CLANG_TIDY): "file:line:col: warning: msg [check]"
    lines, each followed by its notes;
  * its --export-fixes YAML (one file, or a directory of them as
    run-clang-tidy -export-fixes DIR leaves): the same findings with their
    notes and the fix-it replacements.

Give both when you can: the YAML brings the fixes, the text catches the
runs that exported nothing.  A finding reported by several translation
units (one in a shared header) is kept once.

    nbio-sarif.py convert --source-root . tidy.log fixes/ -o nbio.sarif
    nbio-sarif.py convert --format gitlab --source-root . tidy.log -o cq.json
    nbio-sarif.py merge shard-*.sarif -o nbio.sarif

`merge` joins SARIF files this script wrote (one per CI shard, say) into
one run, each finding once.  Python 3 and, for YAML input, PyYAML (Debian:
python3-yaml).
"""

import argparse
import hashlib
import json
import os
import re
import sys
import urllib.parse

# The project's version (CMakeLists.txt's project()): CMake writes it here in
# its copies (bin/nbio-sarif-N of a build tree, the installed one); run from
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
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "nbio"
TOOL_FULL_NAME = "clang-tidy with the nbio checks"
SRCROOT = "SRCROOT"
# Fingerprints for code-scanning services that track a finding across
# commits; the line number is left out so that it survives edits above.
FINGERPRINT = "nbioFinding/v1"

# What the nbio checks look for: the SARIF rule descriptions.
NBIO_RULES = {
    "nbio-unhandled-eagain": (
        "I/O on a non-blocking descriptor treats EAGAIN as a fatal error",
        "An I/O call on a non-blocking descriptor whose failure path never "
        "considers EAGAIN/EWOULDBLOCK: the result is discarded, used as a "
        "byte count unchecked, or the failure branch closes the connection, "
        "exits, aborts or asserts without testing for \"would block\". A "
        "slow peer or a spurious wake-up then ends the connection.",
    ),
    "nbio-connect-einprogress": (
        "connect() on a non-blocking socket treats EINPROGRESS as a failure",
        "connect() on a non-blocking socket returns -1 with EINPROGRESS while "
        "the connection is being set up. A failure branch that ends the "
        "connection without testing for EINPROGRESS drops every connection "
        "that does not complete at once; a handled EINPROGRESS still needs "
        "getsockopt(SO_ERROR) once the socket is writable.",
    ),
    "nbio-eagain-ewouldblock": (
        "errno is compared with only one of EAGAIN and EWOULDBLOCK",
        "An errno set by an I/O call is compared with only one of EAGAIN and "
        "EWOULDBLOCK (in a condition or as case labels). They are equal on "
        "Linux but not on every platform, where the other value then takes "
        "the error path.",
    ),
    "nbio-partial-write": (
        "A short write on a non-blocking descriptor is taken for a complete "
        "one",
        "write()/send() on a non-blocking descriptor writes what fits in the "
        "buffer and returns that count. Code that only tests for failure and "
        "goes on, that takes a count below the length for a failure, or that "
        "retries with the same buffer and length loses, drops or duplicates "
        "the bytes of a message under load.",
    ),
    "nbio-busy-wait-retry": (
        "An I/O call is retried on EAGAIN without waiting for readiness",
        "A loop (or backward goto) retries an I/O call as soon as it fails "
        "with EAGAIN/EWOULDBLOCK (EINPROGRESS for connect, "
        "SSL_ERROR_WANT_READ/WRITE for OpenSSL) without waiting for the "
        "descriptor to become ready, and burns a core until it does. The "
        "fix-it inserts a poll() (or select(), or the project's own wait) "
        "before the retry.",
    ),
}

LEVELS = {"warning": "warning", "error": "error", "fatal error": "error",
          "note": "note", "remark": "note"}
GITLAB_SEVERITY = {"error": "critical", "warning": "major", "note": "info"}

DIAG_LINE = re.compile(
    r"^(?P<file>[^\s].*?):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<level>warning|error|fatal error|note|remark): "
    r"(?P<msg>.*?)(?: \[(?P<check>[^\]\s]+)\])?$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
FIXIT_CHATTER = ("FIX-IT applied suggested code changes",
                 "FIX-IT detected an error",)


class Error(Exception):
    pass


# --- reading source files ---------------------------------------------------

class Sources:
    """Source files read once, to turn byte offsets into lines and columns."""

    def __init__(self):
        self._data = {}
        self._lines = {}

    def data(self, path):
        if path not in self._data:
            try:
                with open(path, "rb") as f:
                    self._data[path] = f.read()
            except OSError:
                self._data[path] = None
        return self._data[path]

    def line_col(self, path, offset):
        """1-based line and column (in Unicode code points) of a byte offset."""
        data = self.data(path)
        if data is None or offset > len(data):
            return None
        start = data.rfind(b"\n", 0, offset) + 1
        line = data.count(b"\n", 0, offset) + 1
        col = len(data[start:offset].decode("utf-8", "replace")) + 1
        return line, col

    def byte_offset(self, path, line, byte_col):
        data = self.data(path)
        if data is None:
            return None
        pos = 0
        for _ in range(line - 1):
            pos = data.find(b"\n", pos)
            if pos < 0:
                return None
            pos += 1
        return pos + byte_col - 1

    def line_text(self, path, line):
        if path not in self._lines:
            data = self.data(path)
            self._lines[path] = data.split(b"\n") if data is not None else []
        lines = self._lines[path]
        if 1 <= line <= len(lines):
            return lines[line - 1].decode("utf-8", "replace")
        return ""


# --- the findings -----------------------------------------------------------

class Location:
    def __init__(self, path, line=None, col=None, offset=None):
        self.path, self.line, self.col, self.offset = path, line, col, offset

    def resolve(self, sources):
        """Fills line/col from the byte offset, or the offset from a byte
        column as clang prints it (then turned into a code point column)."""
        if self.offset is not None and self.line is None:
            lc = sources.line_col(self.path, self.offset)
            if lc:
                self.line, self.col = lc
        elif self.line is not None and self.offset is None:
            off = sources.byte_offset(self.path, self.line, self.col)
            if off is not None:
                self.offset = off
                lc = sources.line_col(self.path, off)
                if lc:
                    self.col = lc[1]

    def key(self):
        return (self.path, self.line, self.col)


class Finding:
    def __init__(self, rule, level, message, loc):
        self.rule, self.level, self.message, self.loc = rule, level, message, loc
        self.notes = []        # (message, Location)
        self.replacements = []  # (path, offset, length, text)

    def key(self):
        return (self.rule, self.loc.key(), self.message)


def absolute(path, directory):
    if not os.path.isabs(path) and directory:
        path = os.path.join(directory, path)
    return os.path.normpath(os.path.abspath(path))


def parse_log(text, cwd):
    """Findings from clang-tidy's text output (notes attach to the finding
    above them)."""
    findings, current = [], None
    for raw in text.splitlines():
        line = ANSI.sub("", raw).rstrip("\r")
        m = DIAG_LINE.match(line)
        if not m:
            continue
        level = LEVELS[m.group("level")]
        loc = Location(absolute(m.group("file"), cwd), int(m.group("line")),
                       int(m.group("col")))
        msg = m.group("msg")
        if level == "note":
            if current is not None and not msg.startswith(FIXIT_CHATTER):
                current.notes.append((msg, loc))
            continue
        check = m.group("check")
        # "[nbio-x,-warnings-as-errors]" when promoted to an error.
        rule = check.split(",")[0] if check else "clang-diagnostic-unknown"
        current = Finding(rule, level, msg, loc)
        findings.append(current)
    return findings


def load_yaml(path):
    try:
        import yaml
    except ImportError:
        raise Error("reading --export-fixes YAML needs PyYAML "
                    "(Debian: apt-get install python3-yaml)")
    with open(path, encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    return docs


def parse_fixes(path):
    """Findings from one --export-fixes YAML file."""
    findings = []
    for doc in load_yaml(path):
        for d in doc.get("Diagnostics") or []:
            msg = d.get("DiagnosticMessage") or {}
            build = d.get("BuildDirectory") or os.path.dirname(path)
            file = msg.get("FilePath") or ""
            if not file:
                continue  # a diagnostic without a location
            level = LEVELS.get(str(d.get("Level", "Warning")).lower(), "warning")
            f = Finding(d.get("DiagnosticName") or "clang-diagnostic-unknown",
                        level, msg.get("Message", ""),
                        Location(absolute(file, build),
                                 offset=int(msg.get("FileOffset", 0))))
            for r in msg.get("Replacements") or []:
                f.replacements.append((absolute(r["FilePath"], build),
                                       int(r["Offset"]), int(r["Length"]),
                                       r.get("ReplacementText") or ""))
            for n in d.get("Notes") or []:
                if n.get("FilePath"):
                    f.notes.append((n.get("Message", ""),
                                    Location(absolute(n["FilePath"], build),
                                             offset=int(n.get("FileOffset", 0)))))
            findings.append(f)
    return findings


def yaml_files(path):
    if os.path.isdir(path):
        out = []
        for dirpath, _, names in os.walk(path):
            out += [os.path.join(dirpath, n) for n in names
                    if n.endswith((".yaml", ".yml"))]
        return sorted(out)
    return [path]


def collect(inputs, sources):
    """Reads every input; a finding seen more than once is kept once, the
    copy with fixes (from YAML) winning over one from a log."""
    found = {}
    order = []
    for path in inputs:
        if path == "-":
            items = parse_log(sys.stdin.read(), os.getcwd())
        elif os.path.isdir(path) or path.endswith((".yaml", ".yml")):
            items = []
            for y in yaml_files(path):
                items += parse_fixes(y)
        else:
            with open(path, encoding="utf-8", errors="replace") as f:
                items = parse_log(f.read(), os.getcwd())
        for item in items:
            item.loc.resolve(sources)
            for _, loc in item.notes:
                loc.resolve(sources)
            k = item.key()
            if k not in found:
                found[k] = item
                order.append(k)
            elif item.replacements and not found[k].replacements:
                found[k] = item
    return [found[k] for k in order]


# --- SARIF ------------------------------------------------------------------

def file_uri(path, is_dir=False):
    uri = "file://" + urllib.parse.quote(os.path.abspath(path))
    return uri + "/" if is_dir and not uri.endswith("/") else uri


def artifact(path, root):
    """An artifactLocation: relative to SRCROOT when under it."""
    if root:
        rel = os.path.relpath(path, root)
        if not rel.startswith(".." + os.sep) and rel != "..":
            return {"uri": urllib.parse.quote(rel.replace(os.sep, "/")),
                    "uriBaseId": SRCROOT}
    return {"uri": file_uri(path)}


def region(loc, sources, length=None):
    r = {}
    if loc.line is not None:
        r["startLine"] = loc.line
        r["startColumn"] = loc.col
    if loc.offset is not None:
        r["byteOffset"] = loc.offset
        if length is not None:
            r["byteLength"] = length
    if length is not None and loc.line is not None and loc.offset is not None:
        end = sources.line_col(loc.path, loc.offset + length)
        if end:
            r["endLine"], r["endColumn"] = end
    return r


def physical(loc, root, sources):
    p = {"artifactLocation": artifact(loc.path, root)}
    r = region(loc, sources)
    if r:
        p["region"] = r
    return p


MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def rule_help(rule, docs_url):
    """The rule's docs page (docs/<rule>.md) as (text, markdown), or None
    when the docs are not found: the page without its title line, links to
    the other pages made absolute against docs_url in the markdown and
    reduced to their words in the text."""
    docs = docs_dir()
    if not docs:
        return None
    try:
        with open(os.path.join(docs, rule + ".md"), encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    body = "\n".join(lines).strip()

    def absolute(m):
        words, target = m.groups()
        if re.match(r"[a-z]+:", target):
            return m.group(0)
        if docs_url and not target.startswith("#"):
            return "[%s](%s)" % (words, docs_url + target)
        return words

    return MD_LINK.sub(lambda m: m.group(1), body), MD_LINK.sub(absolute, body)


def rule_descriptor(rule, docs_url):
    d = {"id": rule, "defaultConfiguration": {"level": "warning"}}
    if rule in NBIO_RULES:
        short, full = NBIO_RULES[rule]
        d["name"] = "".join(w.capitalize() for w in rule.split("-")[1:])
        d["shortDescription"] = {"text": short}
        d["fullDescription"] = {"text": full}
        # The docs page, so that a code-scanning UI shows it with no link;
        # helpUri only for those who host the docs.
        page = rule_help(rule, docs_url)
        d["help"] = ({"text": page[0], "markdown": page[1]} if page
                     else {"text": full})
        if docs_url:
            d["helpUri"] = docs_url + rule + ".md"
        d["properties"] = {"tags": ["reliability", "non-blocking-io"]}
    elif rule.startswith("clang-diagnostic-"):
        d["shortDescription"] = {"text": "Compiler diagnostic -W%s" %
                                 rule[len("clang-diagnostic-"):]}
        if rule == "clang-diagnostic-error":
            d["shortDescription"] = {"text": "Compiler error"}
            d["defaultConfiguration"]["level"] = "error"
    else:
        group, _, name = rule.partition("-")
        d["shortDescription"] = {"text": "clang-tidy check %s" % rule}
        if name:
            d["helpUri"] = ("https://clang.llvm.org/extra/clang-tidy/checks/"
                            "%s/%s.html" % (group, name))
    return d


def fingerprint(f, root, sources):
    rel = artifact(f.loc.path, root)["uri"]
    text = " ".join(sources.line_text(f.loc.path, f.loc.line or 0).split())
    h = hashlib.sha256("\0".join((f.rule, rel, f.message, text)).encode())
    return h.hexdigest()


def sarif_result(f, rule_index, root, sources):
    res = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": f.level,
        "message": {"text": f.message},
        "locations": [{"physicalLocation": physical(f.loc, root, sources)}],
        "partialFingerprints": {FINGERPRINT: fingerprint(f, root, sources)},
    }
    if f.notes:
        res["relatedLocations"] = [
            {"id": i + 1, "message": {"text": msg},
             "physicalLocation": physical(loc, root, sources)}
            for i, (msg, loc) in enumerate(f.notes)]
    if f.replacements:
        by_file = {}
        for path, off, length, text in f.replacements:
            by_file.setdefault(path, []).append((off, length, text))
        changes = []
        for path in sorted(by_file):
            reps = []
            for off, length, text in sorted(by_file[path]):
                start = Location(path, offset=off)
                start.resolve(sources)
                rep = {"deletedRegion": region(start, sources, length)}
                if text:
                    rep["insertedContent"] = {"text": text}
                reps.append(rep)
            changes.append({"artifactLocation": artifact(path, root),
                            "replacements": reps})
        res["fixes"] = [{"description": {"text": "clang-tidy fix-it for "
                                                 + f.rule},
                         "artifactChanges": changes}]
    return res


def sort_key(res):
    loc = res["locations"][0]["physicalLocation"]
    reg = loc.get("region", {})
    return (loc["artifactLocation"]["uri"], reg.get("startLine", 0),
            reg.get("startColumn", 0), res["ruleId"], res["message"]["text"])


def make_run(findings, root, docs_url, sources, tool_version):
    rules, index, results = [], {}, []
    for f in findings:
        if f.rule not in index:
            index[f.rule] = len(rules)
            rules.append(rule_descriptor(f.rule, docs_url))
        results.append(sarif_result(f, index[f.rule], root, sources))
    return finish_run(rules, results, root and file_uri(root, True),
                      tool_version, docs_url)


def finish_run(rules, results, root_uri, tool_version, info_uri):
    # Rules sorted by id and results by place: the same findings give the
    # same file whatever order the translation units finished in.
    order = sorted(range(len(rules)), key=lambda i: rules[i]["id"])
    remap = {old: new for new, old in enumerate(order)}
    rules = [rules[i] for i in order]
    for r in results:
        r["ruleIndex"] = remap[r["ruleIndex"]]
    driver = {"name": TOOL_NAME, "fullName": TOOL_FULL_NAME,
              "version": tool_version, "semanticVersion": tool_version,
              "rules": rules}
    if info_uri:
        driver["informationUri"] = info_uri
    run = {"tool": {"driver": driver}}
    if root_uri:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": root_uri}}
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = sorted(results, key=sort_key)
    return run


def sarif_log(runs):
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": runs}


def merge_sarif(logs, tool_version):
    """One run with every rule and every distinct result of the inputs."""
    rules, index, results, seen = [], {}, [], set()
    root_uri = info_uri = None
    for name, log in logs:
        if not isinstance(log, dict) or log.get("version") != "2.1.0":
            raise Error("%s: not a SARIF 2.1.0 log" % name)
        for run in log.get("runs", []):
            root_uri = root_uri or run.get("originalUriBaseIds", {}).get(
                SRCROOT, {}).get("uri")
            info_uri = info_uri or run["tool"]["driver"].get("informationUri")
            run_rules = run["tool"]["driver"].get("rules", [])
            for rule in run_rules:
                if rule["id"] not in index:
                    index[rule["id"]] = len(rules)
                    rules.append(rule)
            for res in run.get("results", []):
                loc = res["locations"][0]["physicalLocation"]
                reg = loc.get("region", {})
                k = (res["ruleId"], loc["artifactLocation"].get("uriBaseId"),
                     loc["artifactLocation"]["uri"], reg.get("startLine"),
                     reg.get("startColumn"), res["message"]["text"])
                if k in seen:
                    continue
                seen.add(k)
                if res["ruleId"] not in index:
                    index[res["ruleId"]] = len(rules)
                    rules.append(rule_descriptor(res["ruleId"], None))
                res = dict(res, ruleIndex=index[res["ruleId"]])
                results.append(res)
    return sarif_log([finish_run(rules, results, root_uri, tool_version,
                                 info_uri)])


# --- GitLab Code Quality ----------------------------------------------------

def gitlab_from_sarif(log):
    """GitLab's Code Quality report (a JSON array) from a SARIF log."""
    out = []
    for run in log["runs"]:
        root = run.get("originalUriBaseIds", {}).get(SRCROOT, {}).get("uri")
        for res in run.get("results", []):
            loc = res["locations"][0]["physicalLocation"]
            uri = loc["artifactLocation"]["uri"]
            if "uriBaseId" not in loc["artifactLocation"] and root and \
                    uri.startswith(root):
                uri = uri[len(root):]
            path = urllib.parse.unquote(uri)
            if path.startswith("file://"):
                path = path[len("file://"):]
            line = loc.get("region", {}).get("startLine", 1)
            fp = res.get("partialFingerprints", {}).get(FINGERPRINT) or \
                hashlib.sha256(json.dumps(res, sort_keys=True).encode()
                               ).hexdigest()
            out.append({
                "type": "issue",
                "description": res["message"]["text"],
                "check_name": res["ruleId"],
                "categories": ["Bug Risk"],
                "fingerprint": hashlib.md5(fp.encode()).hexdigest(),
                "severity": GITLAB_SEVERITY.get(res.get("level", "warning"),
                                                "major"),
                "location": {"path": path, "lines": {"begin": line}},
            })
    return out


# --- command line -----------------------------------------------------------

def default_docs_url():
    """file:// URL of our docs/ (docs_dir()), or None."""
    docs = docs_dir()
    return file_uri(docs, True) if docs else None


def docs_dir():
    """Our docs/ when they are beside this script (the source tree) or
    installed (share/doc/nbio-N, which a build tree mirrors for bin/)."""
    here = os.path.dirname(os.path.abspath(__file__))
    cands = [os.path.join(here, "..", "docs")]
    share = os.path.join(here, "..", "share", "doc")
    if os.path.isdir(share):
        cands += sorted(os.path.join(share, d) for d in os.listdir(share)
                        if d.startswith("nbio"))
    for c in cands:
        if os.path.isfile(os.path.join(c, "nbio-busy-wait-retry.md")):
            return c
    return None


def write(obj, out):
    text = json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
    if out in (None, "-"):
        sys.stdout.write(text)
    else:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)


def main(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[2:]))
    p.add_argument("--version", action="version",
                   version="%(prog)s (nbio) " + VERSION)
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("convert", help="clang-tidy output/YAML to a report")
    c.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="clang-tidy text output (a file, or - for stdin), an "
                        "--export-fixes YAML file, or a directory of them")
    c.add_argument("--source-root", default=os.getcwd(),
                   help="make locations relative to this directory "
                        "(default: the current one)")
    c.add_argument("--docs-url",
                   help="base URL of the checks' documentation: a rule's "
                        "helpUri is this plus '<check>.md' (the rules' "
                        "help text is the docs pages in any case), e.g. "
                        "https://example.org/nbio/blob/main/docs/ "
                        "(default: our docs/ as a file:// URL, if found)")

    m = sub.add_parser("merge", help="merge SARIF files into one run")
    m.add_argument("inputs", nargs="+", metavar="SARIF")

    for s in (c, m):
        s.add_argument("--format", choices=("sarif", "gitlab"),
                       default="sarif")
        s.add_argument("-o", "--output", help="output file (default: stdout)")
        s.add_argument("--tool-version", default=VERSION,
                       help="the version reported for the tool")
    args = p.parse_args(argv)

    try:
        if args.command == "convert":
            root = os.path.abspath(args.source_root)
            docs = args.docs_url or default_docs_url()
            if docs and not docs.endswith("/"):
                docs += "/"
            sources = Sources()
            findings = collect(args.inputs, sources)
            log = sarif_log([make_run(findings, root, docs, sources,
                                      args.tool_version)])
        else:
            logs = []
            for path in args.inputs:
                with open(path, encoding="utf-8") as f:
                    logs.append((path, json.load(f)))
            log = merge_sarif(logs, args.tool_version)
    except (Error, OSError, ValueError, KeyError, TypeError) as e:
        print("nbio-sarif: error: %s" % e, file=sys.stderr)
        return 2
    write(gitlab_from_sarif(log) if args.format == "gitlab" else log,
          args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
