#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Helpers for the test/ci lit tests: what a RUN line cannot say in one
command.  Each subcommand prints what it found and exits 1 on a failed
expectation.

  configure SRC BUILD [--compiler=clang|gcc] [-- cmake args]
      configure a CMake project (Ninja when available) with that compiler
  build-all SRC WORK
      build SRC with gcc and with clang, -Wall -Wextra -Werror
  includes FILE...
      fail if a file #includes the same header twice
  fixable FIXES
      count the findings with fix-its in --export-fixes YAML (a file or a
      directory), per check
  replay ORIG FIXED FIXES
      apply the exported replacements to the ORIG tree independently of
      clang-apply-replacements (each distinct replacement once) and fail
      unless the result is the FIXED tree; print every piece of text a
      replacement deletes
  deb-deps DEB
      fail unless every Depends of the package is installed here, in a
      version that satisfies it
  sarif-summary [--help-text] SARIF
      one line per rule and per result, for FileCheck; fails if a result's
      ruleIndex names another rule or a relative location has no base;
      --help-text adds the start of each rule's help text and markdown
  gitlab-summary JSON
      one line per GitLab Code Quality issue
  doc-paths --major N --libdir lib/TRIPLET --deb-root DIR --local-root DIR DOC...
      fail unless every /usr/... path of nbio that a doc names is in the
      unpacked .deb and every /usr/local/... one in the `cmake --install`
      tree
"""

import argparse
import os
import re
import shutil
import subprocess
import sys


def fail(msg):
    print("nbio_ci: FAIL: " + msg)
    sys.exit(1)


def run(cmd, **kw):
    print("+ " + " ".join(cmd), flush=True)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, **kw)
    if r.returncode != 0:
        print(r.stdout)
        fail("exit status %d: %s" % (r.returncode, " ".join(cmd)))
    return r.stdout


def generator():
    return ["-G", "Ninja"] if shutil.which("ninja") else \
        ["-G", "Unix Makefiles"]


def configure(a, src, build, compiler, extra):
    cc, cxx = (a.gcc, a.gxx) if compiler == "gcc" else (a.cc, a.cxx)
    return run([a.cmake, "-S", src, "-B", build] + generator() +
               ["-DCMAKE_C_COMPILER=" + cc, "-DCMAKE_CXX_COMPILER=" + cxx] +
               extra)


def cmd_configure(a):
    print(configure(a, a.src, a.build, a.compiler, a.rest), end="")


def cmd_build_all(a):
    flags = "-Wall -Wextra -Werror"
    for compiler in ("gcc", "clang"):
        build = os.path.join(a.work, "build-" + compiler)
        shutil.rmtree(build, ignore_errors=True)
        configure(a, a.src, build, compiler,
                  ["-DCMAKE_C_FLAGS=" + flags, "-DCMAKE_CXX_FLAGS=" + flags])
        run([a.cmake, "--build", build])
        print("built with %s %s: ok" % (compiler, flags))


INCLUDE = re.compile(r'^\s*#\s*include\s*([<"][^>"]+[>"])', re.M)


def cmd_includes(a):
    bad = False
    for path in a.files:
        with open(path, encoding="utf-8") as f:
            names = INCLUDE.findall(f.read())
        dups = sorted({n for n in names if names.count(n) > 1})
        if dups:
            print("%s: included more than once: %s" % (path, " ".join(dups)))
            bad = True
    if bad:
        fail("duplicate #include")
    print("includes: no header included twice in %d files" % len(a.files))


def load_fixes(path):
    import yaml
    paths = []
    if os.path.isdir(path):
        paths = sorted(os.path.join(path, n) for n in os.listdir(path)
                       if n.endswith((".yaml", ".yml")))
    elif os.path.exists(path):
        paths = [path]
    else:
        paths = []  # clang-tidy writes no export file when nothing was found
    diags = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for doc in yaml.safe_load_all(f):
                if doc:
                    diags += doc.get("Diagnostics") or []
    return diags


def cmd_fixable(a):
    counts = {}
    for d in load_fixes(a.fixes):
        if d["DiagnosticMessage"].get("Replacements"):
            counts[d["DiagnosticName"]] = counts.get(d["DiagnosticName"], 0) + 1
    for name in sorted(counts):
        print("fixable %s: %d" % (name, counts[name]))
    print("fixable: %d" % sum(counts.values()))


def cmd_replay(a):
    orig, fixed = os.path.realpath(a.orig), os.path.realpath(a.fixed)
    reps = {}
    for d in load_fixes(a.fixes):
        for r in d["DiagnosticMessage"].get("Replacements") or []:
            path = os.path.realpath(r["FilePath"])
            rel = os.path.relpath(path, fixed)
            if rel.startswith(".."):
                fail("a replacement outside the tree: " + path)
            reps.setdefault(rel, set()).add(
                (r["Offset"], r["Length"], r.get("ReplacementText") or ""))
    changed = set()
    for rel in sorted(reps):
        with open(os.path.join(orig, rel), "rb") as f:
            data = f.read()
        out, pos = [], 0
        for off, length, text in sorted(reps[rel]):
            if off < pos:
                fail("%s: overlapping replacements at offset %d" % (rel, off))
            out.append(data[pos:off])
            if length:
                print("deleted %s: %r" % (rel, data[off:off + length].decode()))
            out.append(text.encode())
            pos = off + length
        out.append(data[pos:])
        with open(os.path.join(fixed, rel), "rb") as f:
            if b"".join(out) != f.read():
                fail("%s differs from the original with its %d replacements"
                     % (rel, len(reps[rel])))
        changed.add(rel)
        print("replayed %s: %d replacements" % (rel, len(reps[rel])))
    # Every other file is untouched.
    for dirpath, _, names in os.walk(orig):
        for n in names:
            rel = os.path.relpath(os.path.join(dirpath, n), orig)
            if rel in changed or rel.split(os.sep)[0] == "build":
                continue
            with open(os.path.join(orig, rel), "rb") as f1, \
                    open(os.path.join(fixed, rel), "rb") as f2:
                if f1.read() != f2.read():
                    fail("%s changed but no replacement was exported for it"
                         % rel)


DEP = re.compile(r"^([a-z0-9][a-z0-9+.-]*)(?::\w+)?\s*(?:\((<<|<=|=|>=|>>)\s*([^)]+)\))?$")


def cmd_deb_deps(a):
    depends = run(["dpkg-deb", "-f", a.deb, "Depends"]).strip()
    if not depends:
        fail("no Depends")
    for clause in depends.split(","):
        alternatives = [x.strip() for x in clause.split("|")]
        ok = False
        for alt in alternatives:
            m = DEP.match(alt)
            if not m:
                fail("cannot parse dependency %r" % alt)
            name, op, ver = m.groups()
            r = subprocess.run(["dpkg-query", "-W", "-f=${Status} ${Version}",
                                name], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL,
                               universal_newlines=True)
            if r.returncode != 0 or "install ok installed" not in r.stdout:
                continue
            have = r.stdout.split()[-1]
            if op and subprocess.run(["dpkg", "--compare-versions", have, op,
                                      ver]).returncode != 0:
                continue
            ok = True
        if not ok:
            fail("dependency not satisfied here: " + clause.strip())
    print("deb-deps: all %d satisfied" % len(depends.split(",")))


def cmd_sarif_summary(a):
    import json
    with open(a.sarif, encoding="utf-8") as f:
        log = json.load(f)
    print("version %s, %d run(s), tool %s" % (
        log["version"], len(log["runs"]), ", ".join(
            "%s %s" % (r["tool"]["driver"]["name"],
                       r["tool"]["driver"].get("version", "-"))
            for r in log["runs"])))
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        bases = run.get("originalUriBaseIds", {})
        for k in sorted(bases):
            print("base %s = %s" % (k, bases[k]["uri"]))
        rules = driver.get("rules", [])
        for r in rules:
            print("rule %s: %s | %s" % (
                r["id"], r.get("shortDescription", {}).get("text", "-"),
                r.get("helpUri", "-")))
            if a.help:
                for kind in ("text", "markdown"):
                    h = r.get("help", {}).get(kind)
                    print("  help.%s: %s" % (kind, "-" if h is None else
                                             "%d lines; %s" % (
                                                 len(h.splitlines()),
                                                 " ".join(h.split())[:300])))

        def where(phys):
            art = phys["artifactLocation"]
            if "uriBaseId" in art and art["uriBaseId"] not in bases:
                fail("uriBaseId %s is not defined" % art["uriBaseId"])
            reg = phys.get("region", {})
            return "%s%s:%s:%s" % (
                "" if "uriBaseId" not in art else art["uriBaseId"] + "/",
                art["uri"], reg.get("startLine"), reg.get("startColumn"))

        print("results: %d" % len(run["results"]))
        for res in run["results"]:
            idx = res.get("ruleIndex")
            if idx is None or rules[idx]["id"] != res["ruleId"]:
                fail("ruleIndex %s does not name %s" % (idx, res["ruleId"]))
            reps = sum(len(c["replacements"]) for fx in res.get("fixes", [])
                       for c in fx["artifactChanges"])
            print("%s %s %s related=%d fixes=%d replacements=%d" % (
                res["level"], res["ruleId"],
                where(res["locations"][0]["physicalLocation"]),
                len(res.get("relatedLocations", [])),
                len(res.get("fixes", [])), reps))
            for rel in res.get("relatedLocations", []):
                print("  related %s: %s" % (where(rel["physicalLocation"]),
                                            rel["message"]["text"]))


def cmd_gitlab_summary(a):
    import json
    with open(a.json, encoding="utf-8") as f:
        issues = json.load(f)
    print("issues: %d" % len(issues))
    for i in issues:
        if len(i["fingerprint"]) != 32:
            fail("fingerprint is not an MD5 hex digest")
        print("%s %s %s:%d %s" % (i["severity"], i["check_name"],
                                  i["location"]["path"],
                                  i["location"]["lines"]["begin"],
                                  i["description"]))
    if len({i["fingerprint"] for i in issues}) != len(issues):
        fail("two issues share a fingerprint")


def cmd_doc_paths(a):
    """Every absolute path of an nbio install named in the docs, for major
    a.major: /usr/... must be in the .deb (a.deb_root, unpacked), and
    /usr/local/... in the `cmake --install` tree under a.local_root.  A
    directory in a.docs stands for its *.md files."""
    path = re.compile(r"/usr/(?:local/)?(?:bin|lib|share)/[\w<>./-]*nbio[\w<>./-]*")
    triplet = a.libdir.split("/", 1)[1] if "/" in a.libdir else ""
    docs = []
    for d in a.docs:
        docs += (sorted(os.path.join(d, n) for n in os.listdir(d)
                        if n.endswith(".md")) if os.path.isdir(d) else [d])
    seen = 0
    for doc in docs:
        with open(doc, encoding="utf-8") as f:
            text = f.read()
        for m in path.finditer(text):
            p = m.group(0).rstrip(".")
            # The docs' majors (19 in snippets, N in prose) and triplet.
            q = re.sub(r"-(N|19|22)(?=[./]|$)", "-" + a.major, p)
            q = q.replace("<triplet>", triplet).replace("x86_64-linux-gnu",
                                                        triplet)
            if q.startswith("/usr/local/"):
                where = os.path.join(a.local_root, q[len("/usr/local/"):])
            else:
                where = os.path.join(a.deb_root, q[1:])
            if not os.path.exists(where):
                fail("%s names %s, which no install has (%s)" % (
                    os.path.basename(doc), p, where))
            seen += 1
    print("doc-paths: %d paths, all installed" % seen)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for tool in ("clang-tidy", "plugin", "cc", "cxx", "gcc", "gxx"):
        p.add_argument("--" + tool)
    p.add_argument("--cmake", default="cmake")
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("configure")
    s.add_argument("src")
    s.add_argument("build")
    s.add_argument("--compiler", choices=("clang", "gcc"), default="clang")
    s.add_argument("rest", nargs="*")
    s = sub.add_parser("build-all")
    s.add_argument("src")
    s.add_argument("work")
    s = sub.add_parser("includes")
    s.add_argument("files", nargs="+")
    s = sub.add_parser("fixable")
    s.add_argument("fixes")
    s = sub.add_parser("replay")
    s.add_argument("orig")
    s.add_argument("fixed")
    s.add_argument("fixes")
    s = sub.add_parser("deb-deps")
    s.add_argument("deb")
    s = sub.add_parser("sarif-summary")
    s.add_argument("--help-text", dest="help", action="store_true",
                   help="print each rule's help.text and help.markdown")
    s.add_argument("sarif")
    s = sub.add_parser("gitlab-summary")
    s.add_argument("json")
    s = sub.add_parser("doc-paths")
    s.add_argument("--major", required=True)
    s.add_argument("--libdir", required=True, help="lib/<triplet>")
    s.add_argument("--deb-root", required=True)
    s.add_argument("--local-root", required=True)
    s.add_argument("docs", nargs="+")
    a = p.parse_args()
    globals()["cmd_" + a.cmd.replace("-", "_")](a)


if __name__ == "__main__":
    main()
