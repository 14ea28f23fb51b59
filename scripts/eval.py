#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Runs the nbio checks over real Debian packages and reports what they find.

For each package of eval/packages.txt (or the ones named on the command line):

  1. fetch its Debian source (apt-get source; deb-src lines are added when
     the machine has none),
  2. install its build dependencies (apt-get build-dep),
  3. make a compile_commands.json with the recipe of its line,
  4. run clang-tidy-N --load=PLUGIN -checks='-*,nbio-*' over every
     translation unit, in parallel, with a timeout per TU,

then write eval/results/PKG.json (for tools) and eval/results/REPORT.md (for
people), which joins the findings with the triage in eval/triage/PKG.tsv and
scores them against eval/known-bugs.tsv (real bugs and correct look-alikes:
found / missed with a reason / flagged), also written as known-bugs.json.
Steps 1-3 are cached under eval/cache/PKG/; a second run only analyses.

  scripts/eval.py                         # every package, LLVM 19
  scripts/eval.py memcached libevent      # a subset
  scripts/eval.py --llvm 22               # results in eval/results/llvm-22/
  scripts/eval.py --report-only           # rebuild REPORT.md from the JSON
  scripts/eval.py --update-triage         # add new findings to the TSVs as '?'
"""

import argparse
import concurrent.futures
import datetime
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, "eval")
CHECKS = ["nbio-unhandled-eagain", "nbio-connect-einprogress",
          "nbio-eagain-ewouldblock", "nbio-busy-wait-retry",
          "nbio-partial-write"]
SOURCE_EXTS = (".c", ".cc", ".cpp", ".cxx", ".C")
RECIPES = ("cmake", "autotools", "autoreconf", "meson", "configure", "make")
# The issues set the bar: a false-positive rate under 5% per check.
FP_GOAL = 0.05


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def die(msg):
    log("eval: " + msg)
    sys.exit(2)


def as_root(cmd):
    if os.geteuid() == 0:
        return cmd
    if shutil.which("sudo"):
        return ["sudo"] + cmd
    die("need root (or sudo) for: " + " ".join(cmd))


def run_logged(cmd, cwd, logf, env=None):
    """Runs cmd with output appended to logf; returns the exit status."""
    with open(logf, "a") as out:
        out.write("\n$ (cd %s && %s)\n" % (cwd, " ".join(shlex.quote(c) for c in cmd)))
        out.flush()
        return subprocess.call(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                               env=env)


# --------------------------------------------------------------------------
# packages.txt


def read_packages(path):
    pkgs = []
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            words = shlex.split(raw, comments=True)
            if not words:
                continue
            if len(words) < 2 or words[1] not in RECIPES:
                die("%s:%d: want 'PACKAGE RECIPE [ARGS]' with RECIPE one of %s"
                    % (path, n, ", ".join(RECIPES)))
            pkgs.append({"name": words[0], "recipe": words[1], "args": words[2:],
                         "line": " ".join(words)})
    return pkgs


# --------------------------------------------------------------------------
# 1. sources


def parse_deb822(text):
    stanzas, cur = [], {}
    key = None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                stanzas.append(cur)
            cur, key = {}, None
            continue
        if line[0] in " \t" and key:
            cur[key] += " " + line.strip()
            continue
        if ":" in line:
            key, val = line.split(":", 1)
            key = key.strip().lower()
            cur[key] = val.strip()
    if cur:
        stanzas.append(cur)
    return stanzas


def apt_entries():
    """(type, uri, suite, component) for every enabled apt source line."""
    out = []
    d = "/etc/apt/sources.list.d"
    files = ["/etc/apt/sources.list"] + sorted(
        os.path.join(d, f) for f in (os.listdir(d) if os.path.isdir(d) else []))
    for path in files:
        if not os.path.isfile(path):
            continue
        text = open(path, errors="replace").read()
        if path.endswith(".sources"):
            for st in parse_deb822(text):
                if st.get("enabled", "yes").lower() == "no":
                    continue
                for typ in st.get("types", "").split():
                    for uri in st.get("uris", "").split():
                        for suite in st.get("suites", "").split():
                            comps = st.get("components", "").split() or [""]
                            for comp in comps:
                                out.append((typ, uri.rstrip("/"), suite, comp, st, path))
        elif path.endswith(".list") or path == "/etc/apt/sources.list":
            for line in text.splitlines():
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                words = line.split()
                typ = words[0]
                rest = words[1:]
                opts = ""
                if rest and rest[0].startswith("["):
                    opt_words = []
                    while rest and not rest[0].endswith("]"):
                        opt_words.append(rest.pop(0))
                    opt_words.append(rest.pop(0))
                    opts = " ".join(opt_words)
                if len(rest) < 2:
                    continue
                for comp in rest[2:] or [""]:
                    out.append((typ, rest[0].rstrip("/"), rest[1], comp, {"options": opts}, path))
    return out


SRC_FILE = "/etc/apt/sources.list.d/nbio-eval-src.sources"


def ensure_deb_src():
    """Mirrors every 'deb' entry as 'deb-src' when the machine lacks it."""
    entries = apt_entries()
    have = {(u, s, c) for t, u, s, c, _, _ in entries if t == "deb-src"}
    missing = [(u, s, c, st) for t, u, s, c, st, _ in entries
               if t == "deb" and (u, s, c) not in have]
    if not missing:
        return False
    # One stanza per (uri, signed-by), suites and components merged.
    groups = {}
    for u, s, c, st in missing:
        signed = st.get("signed-by", "")
        if not signed and "signed-by=" in st.get("options", ""):
            signed = re.search(r"signed-by=([^\s\]]+)", st["options"]).group(1)
        g = groups.setdefault((u, signed), {"suites": [], "comps": []})
        if s not in g["suites"]:
            g["suites"].append(s)
        if c and c not in g["comps"]:
            g["comps"].append(c)
    text = "# Written by nbio's scripts/eval.py: deb-src for the machine's deb lines.\n"
    for (u, signed), g in sorted(groups.items()):
        text += "\nTypes: deb-src\nURIs: %s\nSuites: %s\n" % (u, " ".join(g["suites"]))
        if g["comps"]:
            text += "Components: %s\n" % " ".join(g["comps"])
        if signed:
            text += "Signed-By: %s\n" % signed
    log("eval: adding deb-src entries in %s" % SRC_FILE)
    old = open(SRC_FILE).read() if os.path.exists(SRC_FILE) else ""
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".sources") as tmp:
        tmp.write(old + "\n" + text if old else text)
    subprocess.check_call(as_root(["install", "-m", "0644", tmp.name, SRC_FILE]))
    os.unlink(tmp.name)
    subprocess.check_call(as_root(["apt-get", "update", "-qq"]))
    return True


ORIG_ONLY = "ORIG-ONLY"


def source_dir(pdir):
    src = os.path.join(pdir, "src")
    if not os.path.isdir(src):
        return None
    orig_only = os.path.exists(os.path.join(src, ORIG_ONLY))
    dirs = [d for d in sorted(os.listdir(src))
            if os.path.isdir(os.path.join(src, d, "debian")) or
            (orig_only and os.path.isdir(os.path.join(src, d)))]
    return os.path.join(src, dirs[0]) if dirs else None


def unpack_orig(pkg, src, logf):
    """The upstream tarball alone, when the mirror has it but not the Debian
    part (coturn 4.6.1-1's debian.tar.xz is missing from deb.debian.org):
    unpacked as it is, without Debian's patches, and marked so the report
    says it. Returns the exit status."""
    run_logged(["apt-get", "source", "-qq", "--download-only", pkg["name"]], src, logf)
    origs = [f for f in sorted(os.listdir(src)) if re.match(
        re.escape(pkg["name"]) + r"_[^/]*\.orig\.tar\.\w+$", f)]
    if not origs:
        return 1
    rc = run_logged(["tar", "-xf", origs[0]], src, logf)
    if rc == 0:
        with open(os.path.join(src, ORIG_ONLY), "w") as f:
            f.write("%s: only %s could be fetched; Debian's patches are not applied\n"
                    % (pkg["name"], origs[0]))
        log("eval: %s: WARNING: the Debian part of the source is missing from the "
            "mirror; using the upstream tarball %s without Debian's patches"
            % (pkg["name"], origs[0]))
    return rc


def debian_version_key(v):
    """Orders Debian versions well enough for picking a fallback."""
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", v)]


def fetch(pkg, pdir, logf):
    sdir = source_dir(pdir)
    if sdir:
        return sdir
    ensure_deb_src()
    src = os.path.join(pdir, "src")
    os.makedirs(src, exist_ok=True)
    log("eval: %s: apt-get source" % pkg["name"])
    rc = run_logged(["apt-get", "source", "-qq", pkg["name"]], src, logf)
    if rc != 0:
        # Stale package lists are the usual cause.
        subprocess.call(as_root(["apt-get", "update", "-qq"]))
        rc = run_logged(["apt-get", "source", "-qq", pkg["name"]], src, logf)
    if rc != 0:
        # A mirror may lack the newest upload's files: try the other versions.
        show = subprocess.run(["apt-cache", "showsrc", pkg["name"]], capture_output=True,
                              text=True).stdout
        versions = re.findall(r"^Version: (\S+)$", show, re.M)
        for v in sorted(set(versions), key=debian_version_key, reverse=True)[1:]:
            for f in os.listdir(src):
                if os.path.isfile(os.path.join(src, f)):
                    os.unlink(os.path.join(src, f))
            rc = run_logged(["apt-get", "source", "-qq", "%s=%s" % (pkg["name"], v)], src, logf)
            if rc == 0:
                log("eval: %s: fetched version %s (the newest failed)" % (pkg["name"], v))
                break
    if rc != 0:
        rc = unpack_orig(pkg, src, logf)
    sdir = source_dir(pdir)
    if rc != 0 or not sdir:
        die("%s: apt-get source failed; see %s" % (pkg["name"], logf))
    return sdir


# --------------------------------------------------------------------------
# 2. build dependencies

TOOLS = {"autotools": ["bear", "autoconf", "automake", "libtool", "make"],
         "autoreconf": ["bear", "autoconf", "automake", "libtool", "make"],
         "configure": ["bear", "make"], "make": ["bear", "make"],
         "cmake": ["cmake"], "meson": ["meson", "ninja-build"]}


def installed(deb):
    q = subprocess.run(["dpkg-query", "-W", "-f=${Status}", deb], capture_output=True,
                       text=True)
    return q.returncode == 0 and "install ok installed" in q.stdout


def build_deps(pkg, pdir, logf):
    mark = os.path.join(pdir, "build-dep.done")
    if os.path.exists(mark):
        return
    ensure_deb_src()
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log("eval: %s: apt-get build-dep" % pkg["name"])
    cmd = as_root(["apt-get", "-o", "DPkg::Lock::Timeout=600", "build-dep", "-y", "-qq", pkg["name"]])
    rc = run_logged(cmd, pdir, logf, env)
    if rc != 0:
        subprocess.call(as_root(["apt-get", "update", "-qq"]))
        rc = run_logged(cmd, pdir, logf, env)
    if rc != 0:
        die("%s: apt-get build-dep failed; see %s" % (pkg["name"], logf))
    tools = [t for t in TOOLS[pkg["recipe"]] if not installed(t)]
    if tools:
        rc = run_logged(as_root(["apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq",
                                 "--no-install-recommends"] + tools), pdir, logf, env)
        if rc != 0:
            die("%s: cannot install %s" % (pkg["name"], " ".join(tools)))
    open(mark, "w").write(datetime.datetime.now().isoformat() + "\n")


# --------------------------------------------------------------------------
# 3. compile database


def make_db(pkg, pdir, sdir, logf, jobs):
    """Returns the directory of the cleaned compile_commands.json."""
    dbdir = os.path.join(pdir, "db")
    mark = os.path.join(pdir, "db.done")
    if os.path.exists(mark):
        recipe_line, _, raw = open(mark).read().strip().partition("\n")
        if recipe_line == pkg["line"] and os.path.exists(raw):
            # Cleaning is cheap: redo it, so changes to its rules apply.
            write_db(raw, dbdir, pkg, logf)
            return dbdir
    log("eval: %s: compile database (%s)" % (pkg["name"], pkg["line"]))
    recipe, args = pkg["recipe"], pkg["args"]
    bld = os.path.join(sdir, "_nbio_build")
    make = ["make", "-k", "-j%d" % jobs]
    raw = None
    # cmake and meson write the database at configure time, but files the
    # build generates (wayland's protocol headers) exist only once it has
    # run: build too, keeping going past failures, as bear's make does.
    if recipe == "cmake":
        shutil.rmtree(bld, ignore_errors=True)
        rc = run_logged(["cmake", "-S", sdir, "-B", bld, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"]
                        + args, sdir, logf)
        raw = os.path.join(bld, "compile_commands.json")
        if rc == 0:
            status = run_logged(["cmake", "--build", bld, "-j", str(jobs), "--", "-k"], sdir, logf)
            if status != 0:
                log("eval: %s: build exited %d (kept going; see %s)" % (pkg["name"], status, logf))
    elif recipe == "meson":
        shutil.rmtree(bld, ignore_errors=True)
        rc = run_logged(["meson", "setup", bld] + args, sdir, logf)
        raw = os.path.join(bld, "compile_commands.json")
        if rc == 0:
            status = run_logged(["ninja", "-C", bld, "-k", "0", "-j", str(jobs)], sdir, logf)
            if status != 0:
                log("eval: %s: build exited %d (kept going; see %s)" % (pkg["name"], status, logf))
    else:
        rc = 0
        # bear records only what runs: start from a clean tree. Clean before
        # configuring: nginx's 'make clean' deletes the Makefile that its
        # configure has just written.
        if os.path.exists(os.path.join(sdir, "Makefile")):
            run_logged(["make", "clean"] + (args if recipe == "make" else []), sdir, logf)
        if recipe in ("autotools", "autoreconf"):
            if recipe == "autoreconf" or not os.path.exists(os.path.join(sdir, "configure")):
                rc = run_logged(["autoreconf", "-fi"], sdir, logf)
            if rc == 0:
                rc = run_logged(["./configure"] + args, sdir, logf)
        elif recipe == "configure":
            rc = run_logged(["./configure"] + args, sdir, logf)
        if rc == 0:
            raw = os.path.join(sdir, "compile_commands.json")
            if os.path.exists(raw):
                os.unlink(raw)
            mk = make + (args if recipe == "make" else [])
            status = run_logged(["bear", "--output", raw, "--"] + mk, sdir, logf)
            if status != 0:
                log("eval: %s: make exited %d (kept going; see %s)" % (pkg["name"], status, logf))
    if rc != 0 or not raw or not os.path.exists(raw):
        die("%s: no compile_commands.json from '%s'; see %s" % (pkg["name"], pkg["line"], logf))
    write_db(raw, dbdir, pkg, logf)
    open(mark, "w").write(pkg["line"] + "\n" + raw + "\n")
    return dbdir


def write_db(raw, dbdir, pkg, logf):
    entries = clean_db(json.load(open(raw)))
    if not entries:
        die("%s: the compile database is empty; see %s" % (pkg["name"], logf))
    os.makedirs(dbdir, exist_ok=True)
    with open(os.path.join(dbdir, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


# Options GCC takes and clang's driver rejects with "unknown argument".
GCC_ONLY = re.compile(r"^(-f(no-)?(var-tracking-assignments|tree-[\w-]+|ipa-[\w-]+|"
                      r"allow-store-data-races|partial-inlining|printf-return-value|"
                      r"gcse[\w-]*|lto=auto|lto-partition=\w+|fat-lto-objects|"
                      r"analyzer)|"
                      r"-mindirect-branch=[\w-]+|-mfunction-return=[\w-]+)$")


WERROR = re.compile(r"^(-Werror(=.*)?|-pedantic-errors)$")


def clean_db(entries):
    """One command per source file (the first), as 'arguments'."""
    out, seen = [], set()
    for e in entries:
        path = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if not path.endswith(SOURCE_EXTS) or path in seen:
            continue
        seen.add(path)
        args = e.get("arguments") or shlex.split(e["command"])
        # Warnings do not matter here; as errors they would mark the TU.
        args = [a for a in args if not GCC_ONLY.match(a) and not WERROR.match(a)]
        out.append({"directory": e["directory"], "file": path, "arguments": args})
    return out


# --------------------------------------------------------------------------
# 4. analysis

DIAG = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<sev>warning|error|note|fatal error): (?P<msg>.*?)"
                  r"(?: \[(?P<check>[\w.,-]+)\])?$")
CRASH_MARKS = ("Stack dump", "PLEASE submit a bug report", "Segmentation fault",
               "LLVM ERROR", "Assertion `")


def run_one(cmd, timeout, poll=0.02):
    """Runs cmd; returns (rc or None on timeout, stdout, stderr, cpu, rss_kb, wall).
    CPU and peak RSS are the child's own (wait4); it is killed, with its
    process group, after `timeout` seconds; `poll` is how often it is looked
    at (the wall time's resolution)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        rc, ru = None, None
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                rc = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - t0 > timeout:
                os.killpg(p.pid, signal.SIGKILL)
                _, status, ru = os.wait4(p.pid, 0)
                rc = None
                break
            time.sleep(poll)
        p.returncode = rc if rc is not None else -9
        wall = time.monotonic() - t0
        out.seek(0)
        err.seek(0)
        return (rc, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"),
                ru.ru_utime + ru.ru_stime, ru.ru_maxrss, wall)


def parse_output(text):
    diags = []
    for line in text.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        d = {"path": os.path.normpath(m["file"]), "line": int(m["line"]), "col": int(m["col"]),
             "severity": m["sev"], "message": m["msg"], "check": m["check"]}
        if d["severity"] == "note":
            if diags:
                diags[-1].setdefault("notes", []).append(
                    {k: d[k] for k in ("path", "line", "col", "message")})
            continue
        diags.append(d)
    return diags


def export_facts(pkg, sdir, dbdir, pdir, opts):
    """The facts phase: every TU's summary (FactsExportDir), merged by
    scripts/nbio-facts.py into PDIR/facts/nbio-facts.json (not PDIR itself,
    where the checks' discovery from the sources below would find it for
    the runs without facts); its path, CPU time and merge time."""
    out = os.path.join(pdir, "facts", "tu")
    shutil.rmtree(out, ignore_errors=True)
    entries = json.load(open(os.path.join(dbdir, "compile_commands.json")))
    tus = [e["file"] for e in entries if os.path.exists(e["file"])]
    cmd = [opts.clang_tidy, "--load=" + opts.plugin,
           "--config={Checks: '-*,nbio-*', WarningsAsErrors: '', "
           "CheckOptions: {FactsExportDir: '%s'}}" % out,
           "-p", dbdir, "--quiet",
           "--extra-arg=-Wno-unknown-warning-option",
           "--extra-arg=-Wno-unused-command-line-argument"]
    cpu = [0.0]
    lock = threading.Lock()

    def work(tu):
        _, _, _, c, _, _ = run_one(cmd + [tu], opts.timeout)
        with lock:
            cpu[0] += c

    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as ex:
        list(ex.map(work, tus))
    facts = os.path.join(pdir, "facts", "nbio-facts.json")
    t0 = time.monotonic()
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "nbio-facts.py"),
                    "merge", out, "-o", facts], check=True,
                   stderr=subprocess.DEVNULL)
    return facts, cpu[0], time.monotonic() - t0


def analyse(pkg, sdir, dbdir, opts, facts=None):
    entries = json.load(open(os.path.join(dbdir, "compile_commands.json")))
    tus = [e["file"] for e in entries if os.path.exists(e["file"])]
    # clang-tidy prints paths as the compiler saw them: relative ones are
    # relative to the command's directory.
    cwd = {e["file"]: e["directory"] for e in entries}
    if opts.tu:
        tus = [t for t in tus if re.search(opts.tu, t)]
    header_filter = "^" + re.escape(os.path.realpath(sdir)) + "/"
    config = "{Checks: '-*,nbio-*', WarningsAsErrors: ''%s}" % (
        ", CheckOptions: {FactsFile: '%s'}" % facts if facts else "")
    base = [opts.clang_tidy, "--load=" + opts.plugin, "--config=" + config,
            "-p", dbdir, "--quiet", "--header-filter=" + header_filter,
            "--extra-arg=-Wno-unknown-warning-option",
            "--extra-arg=-Wno-unused-command-line-argument"]
    results = []
    lock = threading.Lock()
    done = [0]
    t0 = time.monotonic()
    tty = sys.stderr.isatty()

    def work(tu):
        rc, out, err, cpu, rss, wall = run_one(base + [tu], opts.timeout)
        diags = parse_output(out)
        for d in diags:
            d["path"] = os.path.normpath(os.path.join(cwd[tu], d["path"]))
            for n in d.get("notes", []):
                n["path"] = os.path.normpath(os.path.join(cwd[tu], n["path"]))
        findings = [d for d in diags if d["check"] and
                    any(d["check"] == c or d["check"].startswith(c + ",") for c in CHECKS)]
        errors = [d for d in diags if d["severity"] in ("error", "fatal error")]
        crash_text = [m for m in CRASH_MARKS if m in err or m in out]
        # The driver's errors ("error: unknown argument: ...") have no
        # location, so parse_output does not see them: a compile error too.
        driver_errors = re.search(r"^error: |^\d+ errors? generated", out + err, re.M)
        if rc is None:
            status = "timeout"
        elif rc < 0 or crash_text or (rc != 0 and not errors and not findings
                                      and not driver_errors):
            status = "crash"
        elif errors or driver_errors:
            status = "compile-error"
        else:
            status = "ok"
        r = {"tu": tu, "status": status, "rc": rc, "wall": round(wall, 3),
             "cpu": round(cpu, 3), "maxrss_kb": rss, "findings": findings,
             "errors": [{k: e[k] for k in ("path", "line", "message")} for e in errors[:5]]}
        if status in ("crash", "timeout"):
            r["stderr_tail"] = "\n".join(err.splitlines()[-40:])
            r["command"] = " ".join(shlex.quote(c) for c in base + [tu])
            if rc is not None and rc < 0:
                r["signal"] = signal.Signals(-rc).name if -rc in signal.Signals._value2member_map_ else -rc
        with lock:
            done[0] += 1
            msg = "[%d/%d] %s: %s %.1fs %s%s" % (
                done[0], len(tus), pkg["name"], os.path.relpath(tu, sdir), wall,
                "%d finding(s)" % len(findings) if findings else "",
                "" if status == "ok" else " " + status.upper())
            if tty:
                sys.stderr.write("\r\033[K" + msg[:200])
                if status in ("crash", "timeout"):
                    sys.stderr.write("\n")
            else:
                sys.stderr.write(msg + "\n")
            sys.stderr.flush()
        return r

    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as ex:
        for r in ex.map(work, tus):
            results.append(r)
    if tty:
        sys.stderr.write("\n")
    wall = time.monotonic() - t0
    return results, wall


# --------------------------------------------------------------------------
# fingerprints and triage

FUNC_LINE = re.compile(r"^(?!(?:if|for|while|switch|return|else|do|case|goto)\b)"
                       r"(?:[A-Za-z_][\w\s\*,&:<>~]*?[\s\*&])?"
                       r"([A-Za-z_]\w*(?:::~?[A-Za-z_]\w*)*)\s*\(")


def enclosing_function(lines, idx):
    """Name of the function around lines[idx]: the nearest line above it
    that starts in column 0 with a declarator whose declaration reaches a
    '{' before any ';' (a definition, not a prototype)."""
    for i in range(min(idx, len(lines) - 1), -1, -1):
        ln = lines[i]
        if not ln or ln[0] in " \t{}#/*" or ln.startswith(("static_assert", "typedef")):
            continue
        m = FUNC_LINE.match(ln)
        if not m:
            continue
        rest = " ".join(lines[i:min(i + 12, idx + 1)])
        rest = rest[m.end():]
        brace, semi = rest.find("{"), rest.find(";")
        if brace >= 0 and (semi < 0 or brace < semi):
            return m.group(1)
    return ""


_file_cache = {}


def file_lines(path):
    if path not in _file_cache:
        try:
            _file_cache[path] = open(path, errors="replace").read().splitlines()
        except OSError:
            _file_cache[path] = []
    return _file_cache[path]


def fingerprint(f, rel):
    lines = file_lines(f["path"])
    src = lines[f["line"] - 1] if 0 < f["line"] <= len(lines) else ""
    f["source"] = " ".join(src.split())
    f["function"] = enclosing_function(lines, f["line"] - 1)
    msg = " ".join(f["message"].split())
    key = "\0".join([f["check"], rel, msg, f["function"], f["source"]])
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def collect_findings(results, sdir):
    """Deduplicated findings (a header seen from several TUs counts once)."""
    root = os.path.realpath(sdir)
    by_key = {}
    for r in results:
        for f in r["findings"]:
            path = os.path.realpath(f["path"])
            key = (path, f["line"], f["col"], f["check"], f["message"])
            if key in by_key:
                by_key[key]["tus"].append(os.path.relpath(r["tu"], root))
                continue
            rel = os.path.relpath(path, root) if path.startswith(root + "/") else path
            g = {"path": path, "file": rel, "line": f["line"], "col": f["col"],
                 "check": f["check"], "message": f["message"],
                 "notes": [dict(n, file=os.path.relpath(os.path.realpath(n["path"]), root)
                                if os.path.realpath(n["path"]).startswith(root + "/")
                                else n["path"]) for n in f.get("notes", [])],
                 "tus": [os.path.relpath(r["tu"], root)]}
            by_key[key] = g
    out = sorted(by_key.values(), key=lambda g: (g["file"], g["line"], g["col"], g["check"]))
    for g in out:
        del g["path"]
        for n in g["notes"]:
            n.pop("path", None)
    assign_fingerprints(out, root)
    return out


def assign_fingerprints(findings, root):
    counts = {}
    for g in findings:
        g["path"] = os.path.join(root, g["file"])
        fp = fingerprint(g, g["file"])
        del g["path"]
        counts[fp] = counts.get(fp, 0) + 1
        g["fingerprint"] = fp if counts[fp] == 1 else "%s-%d" % (fp, counts[fp])


TRIAGE_HEADER = "fingerprint\tlabel\tcheck\twhere\treason\tmessage"


def read_triage(name, tdir):
    path = os.path.join(tdir, name + ".tsv")
    rows = {}
    if not os.path.exists(path):
        return rows
    for n, line in enumerate(open(path), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#") or line == TRIAGE_HEADER:
            continue
        cols = line.split("\t")
        if len(cols) < 5:
            log("eval: %s:%d: want %s" % (path, n, TRIAGE_HEADER.replace("\t", " TAB ")))
            continue
        label = cols[1].strip().upper()
        if label not in ("TP", "FP", "?"):
            log("eval: %s:%d: label must be TP, FP or ?" % (path, n))
            label = "?"
        rows[cols[0].strip()] = {"label": label, "check": cols[2], "where": cols[3],
                                 "reason": cols[4]}
    return rows


def update_triage(name, findings, tdir):
    """Appends findings the TSV does not know yet, labelled '?'. A row that
    matches no finding but has the same check and file:line as a new one
    (the fingerprint rules or the message changed, the code did not move)
    is re-keyed instead, keeping its label."""
    os.makedirs(tdir, exist_ok=True)
    path = os.path.join(tdir, name + ".tsv")
    known = read_triage(name, tdir)
    current = {f["fingerprint"] for f in findings}
    stale = {(v["check"], v["where"]): k for k, v in known.items() if k not in current}
    new = [f for f in findings if f["fingerprint"] not in known]
    rekey = {}
    for f in list(new):
        old = stale.get((f["check"], "%s:%d" % (f["file"], f["line"])))
        if old:
            rekey[old] = f
            new.remove(f)
    if rekey:
        lines = open(path).read().split("\n")
        for i, ln in enumerate(lines):
            cols = ln.split("\t")
            if len(cols) >= 5 and cols[0] in rekey:
                f = rekey[cols[0]]
                cols[0] = f["fingerprint"]
                if len(cols) >= 6:
                    cols[5] = f["message"].replace("\t", " ")
                lines[i] = "\t".join(cols)
        open(path, "w").write("\n".join(lines))
        log("eval: %s: re-keyed %d triage row(s) by check and location" % (name, len(rekey)))
    if not new:
        return 0
    exists = os.path.exists(path)
    with open(path, "a") as out:
        if not exists:
            out.write("# Triage of nbio findings in Debian's %s: one row per finding.\n"
                      "# label: TP (real bug), FP (false positive) or ? (not triaged yet).\n"
                      "# 'where' and 'message' are informational; the fingerprint is the key.\n"
                      % name)
            out.write(TRIAGE_HEADER + "\n")
        for f in new:
            out.write("\t".join([f["fingerprint"], "?", f["check"],
                                 "%s:%d" % (f["file"], f["line"]), "",
                                 f["message"].replace("\t", " ")]) + "\n")
    return len(new)


# --------------------------------------------------------------------------
# known bugs

KNOWN_BUGS = os.path.join(EVAL, "known-bugs.tsv")
KB_COLUMNS = ["package", "debian_version", "file", "line", "function", "call",
              "category", "verdict", "evidence"]
KB_VERDICTS = ("bug", "correct", "doubtful")
# Where a row comes from: read in the code independently of the checks, or
# added after triaging one of their findings. Only the first kind measures
# recall: a bug found through a finding is found by construction.
KB_ORIGINS = ("reading", "finding")
# Which list a row was taken from: `shared` marks the rows of the shared
# yardstick the known-bugs issue measures against (copied into our list with
# their evidence; its done-when counts its own rows, reading ones only);
# empty is a row of our own.
KB_LISTS = ("shared", "")
# A row matches a finding of its category's check in the same file at most
# this many lines away (the finding may sit on the call, the test or the
# loop the row names).
MATCH_LINES = 3


def read_known_bugs(path):
    """The rows of known-bugs.tsv: KB_COLUMNS, then optional columns:
    miss_reason (why the checks cannot find the row yet, written by whoever
    read the code), origin (KB_ORIGINS; empty is 'reading') and list
    (KB_LISTS). A header line names the columns."""
    rows = []
    if not os.path.exists(path):
        return rows
    header = None
    for n, raw in enumerate(open(path), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = [c.strip() for c in cols]
            if header[:len(KB_COLUMNS)] != KB_COLUMNS:
                die("%s:%d: want the header %s [miss_reason]"
                    % (path, n, " TAB ".join(KB_COLUMNS)))
            continue
        row = dict(zip(header, [c.strip() for c in cols]))
        if len(cols) < len(KB_COLUMNS) or not row["line"].isdigit() or \
                row["verdict"] not in KB_VERDICTS:
            die("%s:%d: want %d columns, a line number and a verdict of %s"
                % (path, n, len(KB_COLUMNS), ", ".join(KB_VERDICTS)))
        row["line"] = int(row["line"])
        row["miss_reason"] = row.get("miss_reason", "")
        row["origin"] = row.get("origin", "") or "reading"
        if row["origin"] not in KB_ORIGINS:
            die("%s:%d: origin must be one of %s" % (path, n, ", ".join(KB_ORIGINS)))
        row["list"] = row.get("list", "")
        if row["list"] not in KB_LISTS:
            die("%s:%d: list must be 'shared' or empty" % (path, n))
        row["tsv_line"] = n
        rows.append(row)
    return rows


def kb_check(category):
    return "nbio-" + category


# A finding at a call of the project's I/O wrapper names the wrapped call
# in a note: at its place (same TU), or as "(file:line, from the project's
# facts)" (another file's).
WRAPPER_NOTE = re.compile(r"hands the outcome of .*?(?:\(([^():]+):(\d+), "
                          r"from the project's facts\)|back to its caller here)")


def kb_at(row, f):
    """The finding is at the row's place, or goes through it (a wrapper)."""
    if f["file"] == row["file"] and abs(f["line"] - row["line"]) <= MATCH_LINES:
        return True
    for n in f.get("notes", []):
        m = WRAPPER_NOTE.search(n.get("message", ""))
        if not m:
            continue
        if m.group(1):
            if os.path.basename(row["file"]) == m.group(1) and \
                    abs(int(m.group(2)) - row["line"]) <= MATCH_LINES:
                return True
        elif n.get("file") == row["file"] and \
                abs(n.get("line", 0) - row["line"]) <= MATCH_LINES:
            return True
    return False


def kb_matches(row, findings):
    chk = kb_check(row["category"])
    return [f for f in findings if chk in f["check"].split(",") and kb_at(row, f)]


def kb_not_analysed(row, p):
    """Why the harness could not have seen the row's file, or ''."""
    if not row["file"].endswith(SOURCE_EXTS):
        return ""
    tus = {r["tu"]: r for r in p.get("results", [])}
    r = tus.get(row["file"])
    if r is None and p.get("source_dir"):
        # A TU that is a link to the row's file analyses it under another
        # name (nuttcp builds nuttcp.c, a link to nuttcp-6.1.2.c).
        real = lambda f: os.path.realpath(os.path.join(p["source_dir"], f))
        want = real(row["file"])
        r = next((t for name, t in tus.items() if real(name) == want), None)
    if r is None:
        return "file not in the compile database"
    if r["status"] in ("crash", "timeout"):
        return "TU %s" % ("crashed" if r["status"] == "crash" else "timed out")
    return ""


def known_bugs_table(rows, pkgs):
    """Joins the known-bugs rows with the findings of the packages in pkgs
    (the result JSONs). Returns {"match_lines", "checks": [...], "rows": [...]},
    each row with a status: for a bug 'found' or 'missed' (with a reason),
    for a look-alike ('correct') 'flagged' or 'quiet', for a doubtful row
    'reported' or 'not reported'; 'not analysed' when its file was not, and
    'not run' when its package has no results here."""
    by_pkg = {p["package"]: p for p in pkgs}
    out_rows = []
    for row in rows:
        o = {k: row[k] for k in KB_COLUMNS + ["miss_reason", "origin", "list"]}
        chk = kb_check(row["category"])
        o["check"] = chk
        p = by_pkg.get(row["package"])
        if p is None:
            o.update(status="not run", reason="package not in this run", findings=[])
            out_rows.append(o)
            continue
        ev = p.get("debian_version", "")
        o["evaluated_version"] = ev
        found = kb_matches(row, p["findings"])
        o["findings"] = [{"fingerprint": f.get("fingerprint", ""), "line": f["line"],
                          "message": f["message"]} for f in found]
        why_not = kb_not_analysed(row, p)
        if chk not in CHECKS:
            why_not = "no check %s yet" % chk
        if found:
            o["status"] = {"bug": "found", "correct": "flagged",
                           "doubtful": "reported"}[row["verdict"]]
            o["reason"] = ""
        elif row["verdict"] == "bug":
            o["status"] = "missed"
            parts = [x for x in (why_not, row["miss_reason"]) if x]
            o["reason"] = "; ".join(parts) or "no reason recorded"
        elif why_not:
            o["status"], o["reason"] = "not analysed", why_not
        else:
            o["status"] = "quiet" if row["verdict"] == "correct" else "not reported"
            o["reason"] = ""
        if ev and row["debian_version"] and ev != row["debian_version"]:
            o["reason"] = ("; ".join(x for x in (o["reason"], "evaluated version %s" % ev)
                                     if x))
        out_rows.append(o)
    cats = []
    for c in CHECKS + [kb_check(r["category"]) for r in rows]:
        if c not in cats:
            cats.append(c)
    checks = []
    for c in cats:
        mine = [o for o in out_rows if o["check"] == c and o["status"] != "not run"]
        read = [o for o in mine if o["origin"] == "reading"]
        added = [o for o in mine if o["origin"] == "finding"]
        checks.append({
            "check": c, "exists": c in CHECKS,
            "bugs": sum(1 for o in read if o["verdict"] == "bug"),
            "found": sum(1 for o in read if o["status"] == "found"),
            "bugs_from_findings": sum(1 for o in added if o["verdict"] == "bug"),
            "found_from_findings": sum(1 for o in added if o["status"] == "found"),
            "lookalikes": sum(1 for o in mine if o["verdict"] == "correct"),
            "flagged": sum(1 for o in mine if o["status"] == "flagged"),
            "doubtful": sum(1 for o in mine if o["verdict"] == "doubtful"),
        })
    # The shared list's own score: its bugs read from the code (outside
    # partial-write, which the partial-write issue measures) and its
    # look-alikes, over the packages of this run.
    shared = [o for o in out_rows if o["list"] == "shared" and o["status"] != "not run"]
    sbugs = [o for o in shared if o["verdict"] == "bug" and o["origin"] == "reading"]
    score = {
        "rows": len(shared),
        "bugs": sum(1 for o in sbugs if o["category"] != "partial-write"),
        "found": sum(1 for o in sbugs if o["category"] != "partial-write"
                     and o["status"] == "found"),
        "partial_bugs": sum(1 for o in sbugs if o["category"] == "partial-write"),
        "partial_found": sum(1 for o in sbugs if o["category"] == "partial-write"
                             and o["status"] == "found"),
        "lookalikes": sum(1 for o in shared if o["verdict"] == "correct"),
        "flagged": sum(1 for o in shared if o["status"] == "flagged"),
    }
    return {"match_lines": MATCH_LINES, "checks": checks, "rows": out_rows,
            "shared": score}


def write_known_bugs(kb, w, rel_tsv):
    """The known-bugs section of REPORT.md, through the writer w."""
    w("## Known bugs")
    w("")
    w("The rows of `%s`: real bugs (`bug`) and correct look-alikes (`correct`) "
      "found by reading the code. A row is found when its category's check "
      "(`nbio-CATEGORY`) reports in the same file within %d lines of the row's "
      "line. Recall counts only the bugs found by reading the code "
      "(origin `reading`); bugs added to the list after triaging a finding "
      "(origin `finding`) are found by construction and counted apart. "
      "`doubtful` rows are listed apart and not counted. The same table is in "
      "`known-bugs.json`." % (rel_tsv, kb["match_lines"]))
    w("")
    w("| check | known bugs found / in scope | look-alikes flagged / look-alikes "
      "| doubtful rows | bugs added from findings, found / rows |")
    w("|---|---:|---:|---:|---:|")
    tot = {"bugs": 0, "found": 0, "lookalikes": 0, "flagged": 0, "doubtful": 0,
           "bugs_from_findings": 0, "found_from_findings": 0}
    for c in kb["checks"]:
        name = short_check(c["check"]) + ("" if c["exists"] else " (no such check yet)")
        w("| %s | %d / %d | %d / %d | %d | %d / %d |" % (
            name, c["found"], c["bugs"], c["flagged"], c["lookalikes"], c["doubtful"],
            c["found_from_findings"], c["bugs_from_findings"]))
        for k in tot:
            tot[k] += c[k]
    w("| **all** | %d / %d | %d / %d | %d | %d / %d |" % (
        tot["found"], tot["bugs"], tot["flagged"], tot["lookalikes"], tot["doubtful"],
        tot["found_from_findings"], tot["bugs_from_findings"]))
    w("")
    sh = kb["shared"]
    if sh["rows"]:
        pct = " (%d%%)" % round(100.0 * sh["found"] / sh["bugs"]) if sh["bugs"] else ""
        w("The rows taken from the shared list (column `list` = `shared`; %d in "
          "this run): bugs of the other four checks found %d / %d%s, "
          "partial-write bugs found %d / %d, look-alikes flagged %d / %d." % (
              sh["rows"], sh["found"], sh["bugs"], pct, sh["partial_found"],
              sh["partial_bugs"], sh["flagged"], sh["lookalikes"]))
        w("")

    def where(o):
        return "`%s:%d` %s (`%s`)%s" % (md(o["file"]), o["line"], md(o["function"]),
                                        md(o["call"]),
                                        " [from a finding]" if o["origin"] == "finding" else "")

    def lines(o):
        return ", ".join("%d" % f["line"] for f in o["findings"])

    sections = [
        ("Bugs found", lambda o: o["status"] == "found",
         "| package | check | where | finding at line |", lambda o: lines(o)),
        ("Bugs missed", lambda o: o["status"] == "missed",
         "| package | check | where | reason |", lambda o: md(o["reason"])),
        ("Look-alikes flagged", lambda o: o["status"] == "flagged",
         "| package | check | where | finding at line |", lambda o: lines(o)),
        ("Look-alikes not analysed", lambda o: o["verdict"] == "correct"
         and o["status"] == "not analysed",
         "| package | check | where | reason |", lambda o: md(o["reason"])),
        ("Doubtful rows", lambda o: o["verdict"] == "doubtful" and o["status"] != "not run",
         "| package | check | where | status |",
         lambda o: md(o["status"] + (": " + o["reason"] if o["reason"] else ""))),
        ("Rows of packages not in this run", lambda o: o["status"] == "not run",
         "| package | check | where | verdict |", lambda o: o["verdict"]),
    ]
    for title, pred, head, last in sections:
        sel = [o for o in kb["rows"] if pred(o)]
        if not sel:
            continue
        w("### %s" % title)
        w("")
        w(head)
        w("|---|---|---|---|")
        for o in sel:
            w("| %s | %s | %s | %s |" % (o["package"], short_check(o["check"]), where(o),
                                         last(o)))
        w("")


# --------------------------------------------------------------------------
# report


def fmt_time(s):
    if s is None:
        return "-"
    return "%dm%02ds" % (s // 60, s % 60) if s >= 60 else "%.1fs" % s


def md(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def short_check(c):
    return c.replace("nbio-", "")


KB_JSON = "known-bugs.json"


def result_files(rdir):
    """The per-package result JSONs of a results directory."""
    return [os.path.join(rdir, fn) for fn in sorted(os.listdir(rdir))
            if fn.endswith(".json") and fn != KB_JSON]


def per_check_counts():
    return {c: {"findings": 0, "TP": 0, "FP": 0, "?": 0} for c in CHECKS}


def add_by_check(per, findings, tri):
    """Counts FINDINGS into PER (per_check_counts()): findings and labels
    from the triage TRI, by the check that reported each."""
    for f in findings:
        chk = f["check"].split(",")[0]
        if chk in per:
            t = tri.get(f["fingerprint"])
            per[chk]["findings"] += 1
            per[chk][t["label"] if t else "?"] += 1


def write_facts_delta(w, pkgs, other, tdir):
    """The facts report's comparison with the run without facts (the same
    packages' results in the parent directory): per check, side by side,
    and each finding the facts added or removed."""
    mine, theirs = per_check_counts(), per_check_counts()
    added, removed = [], []
    for p in pkgs:
        o = other.get(p["package"])
        if o is None:
            continue
        tri = read_triage(p["package"], tdir)
        add_by_check(mine, p["findings"], tri)
        add_by_check(theirs, o["findings"], tri)
        have = {f["fingerprint"] for f in p["findings"]}
        had = {f["fingerprint"] for f in o["findings"]}
        for f in p["findings"]:
            if f["fingerprint"] not in had:
                added.append((p["package"], f, tri.get(f["fingerprint"])))
        for f in o["findings"]:
            if f["fingerprint"] not in have:
                removed.append((p["package"], f, tri.get(f["fingerprint"])))
    w("## With facts and without")
    w("")
    w("The same packages without project facts (`scripts/eval.py` without "
      "`--facts`, results one directory up), per check: findings, TP / FP.")
    w("")
    w("| check | without facts | with facts |")
    w("|---|---:|---:|")
    for c in CHECKS:
        a, b = theirs[c], mine[c]
        w("| %s | %d, %d / %d | %d, %d / %d |" % (
            c, a["findings"], a["TP"], a["FP"], b["findings"], b["TP"], b["FP"]))
    def lab(t):
        return t["label"] if t else "?"
    def summary(lst):
        return "%d (%d TP, %d FP, %d untriaged)" % (
            len(lst), sum(lab(t) == "TP" for _, _, t in lst),
            sum(lab(t) == "FP" for _, _, t in lst), sum(lab(t) == "?" for _, _, t in lst))
    w("")
    w("The facts added %s and removed %s." % (summary(added), summary(removed)))
    for title, lst in (("Added by the facts", added), ("Removed by the facts", removed)):
        if not lst:
            continue
        w("")
        w("### " + title)
        w("")
        w("| | package | check | where |")
        w("|---|---|---|---|")
        for name, f, t in lst:
            w("| %s | %s | %s | `%s:%d` |" % (lab(t), name, short_check(f["check"]),
                                              md(f["file"]), f["line"]))
    w("")


def write_report(rdir, tdir, known_bugs=KNOWN_BUGS):
    pkgs = [json.load(open(path)) for path in result_files(rdir)]
    order = [p["name"] for p in read_packages(os.path.join(EVAL, "packages.txt"))]
    pkgs.sort(key=lambda p: order.index(p["package"]) if p["package"] in order else 99)
    L = []
    w = L.append
    w("# nbio on Debian packages")
    w("")
    w("Generated by `scripts/eval.py`; do not edit by hand. Labels come from "
      "`eval/triage/PKG.tsv`.")
    w("")
    if not pkgs:
        w("No results yet.")
        open(os.path.join(rdir, "REPORT.md"), "w").write("\n".join(L) + "\n")
        return
    metas = {(p["llvm"], p["plugin_sha"], p["host"]["cpus"]) for p in pkgs}
    for p in pkgs[:1]:
        w("- clang-tidy: `%s` (LLVM %s), plugin `%s` (sha256 %s...)" % (
            p["clang_tidy_version"], p["llvm"], p["plugin"], p["plugin_sha"][:12]))
        w("- host: %s, %d CPUs, %s; jobs %d, timeout %ds per TU" % (
            p["host"]["name"], p["host"]["cpus"], p["host"]["kernel"], p["jobs"], p["timeout"]))
    if len(metas) > 1:
        w("- note: the packages were not all run with the same plugin/LLVM/host; "
          "see each package's JSON")
    w("- runs: " + ", ".join("%s %s" % (p["package"], p["date"][:16]) for p in pkgs))
    w("")

    # The other mode's results (with facts beside without, and back): its
    # findings are not stale triage rows here, and the facts report says
    # what the facts added and removed.
    is_facts = os.path.basename(os.path.normpath(rdir)) == "facts"
    other_dir = os.path.dirname(os.path.normpath(rdir)) if is_facts else os.path.join(rdir, "facts")
    other = {}
    for path in result_files(other_dir) if os.path.isdir(other_dir) else []:
        o = json.load(open(path))
        other[o["package"]] = o

    labels = {}
    tot = {"tus": 0, "ok": 0, "compile-error": 0, "crash": 0, "timeout": 0,
           "findings": 0, "TP": 0, "FP": 0, "?": 0, "wall": 0.0, "cpu": 0.0}
    per_check = per_check_counts()
    rows = []
    stale = {}
    for p in pkgs:
        tri = read_triage(p["package"], tdir)
        seen = set()
        c = {"TP": 0, "FP": 0, "?": 0}
        pc = {k: 0 for k in CHECKS}
        for f in p["findings"]:
            t = tri.get(f["fingerprint"])
            lab = t["label"] if t else "?"
            labels[(p["package"], f["fingerprint"])] = (lab, t["reason"] if t else "")
            seen.add(f["fingerprint"])
            c[lab] += 1
            chk = f["check"].split(",")[0]
            if chk in pc:
                pc[chk] += 1
        add_by_check(per_check, p["findings"], tri)
        theirs = {f["fingerprint"] for f in other.get(p["package"], {}).get("findings", [])}
        stale[p["package"]] = [(k, v) for k, v in tri.items()
                               if k not in seen and k not in theirs]
        st = p["status_counts"]
        rows.append((p, st, c, pc))
        tot["tus"] += p["tus"]
        for k in ("ok", "compile-error", "crash", "timeout"):
            tot[k] += st.get(k, 0)
        tot["findings"] += len(p["findings"])
        for k in c:
            tot[k] += c[k]
        tot["wall"] += p["wall"]
        tot["cpu"] += p["cpu"]

    w("## Summary")
    w("")
    w("| package | version | TUs | compile errors | crashes | timeouts | " +
      " | ".join(short_check(c) for c in CHECKS) +
      " | findings | TP | FP | untriaged | wall | CPU |")
    w("|---|---|---:|---:|---:|---:|" + "---:|" * len(CHECKS) + "---:|---:|---:|---:|---:|---:|")
    for p, st, c, pc in rows:
        w("| %s | %s | %d | %d | %d | %d | %s | %d | %d | %d | %d | %s | %s |" % (
            p["package"], p["version"], p["tus"], st.get("compile-error", 0),
            st.get("crash", 0), st.get("timeout", 0),
            " | ".join(str(pc[k]) for k in CHECKS), len(p["findings"]),
            c["TP"], c["FP"], c["?"], fmt_time(p["wall"]), fmt_time(p["cpu"])))
    w("| **total** | | %d | %d | %d | %d | %s | %d | %d | %d | %d | %s | %s |" % (
        tot["tus"], tot["compile-error"], tot["crash"], tot["timeout"],
        " | ".join(str(per_check[k]["findings"]) for k in CHECKS), tot["findings"],
        tot["TP"], tot["FP"], tot["?"], fmt_time(tot["wall"]), fmt_time(tot["cpu"])))
    w("")
    w("Columns: TUs analysed; *compile errors* are TUs clang could not parse "
      "cleanly (analysis still ran on what parsed; not an nbio bug); a *crash* is a "
      "signal, a stack dump, or a non-zero exit without any diagnostic; a *timeout* "
      "is a TU still running after the per-TU limit. Findings in headers seen from "
      "several TUs count once. Wall is the analysis phase only (fetch and build "
      "are cached); CPU is the sum over clang-tidy processes.")
    w("")

    w("## False-positive rate per check")
    w("")
    w("| check | findings | TP | FP | untriaged | FP rate (FP / triaged) | goal < 5% |")
    w("|---|---:|---:|---:|---:|---:|---|")
    for k in CHECKS:
        pcs = per_check[k]
        tri_n = pcs["TP"] + pcs["FP"]
        rate = "%.0f%%" % (100.0 * pcs["FP"] / tri_n) if tri_n else "-"
        goal = "-"
        if tri_n:
            gap = 100.0 * (pcs["FP"] / tri_n - FP_GOAL)
            goal = "met" if gap < 0 else ("**missed by %.1f points**" % gap if gap >= 0.05
                                          else "**missed** (not under 5%)")
        w("| %s | %d | %d | %d | %d | %s | %s |" % (k, pcs["findings"], pcs["TP"], pcs["FP"],
                                                    pcs["?"], rate, goal))
    tri_n = tot["TP"] + tot["FP"]
    w("| **all** | %d | %d | %d | %d | %s | |" % (
        tot["findings"], tot["TP"], tot["FP"], tot["?"],
        "%.0f%%" % (100.0 * tot["FP"] / tri_n) if tri_n else "-"))
    w("")
    w("A check without findings on this set has no measured rate (`-`): that says "
      "nothing about its precision, only that the set did not exercise it.")
    w("")

    kb_rows = read_known_bugs(known_bugs)
    if kb_rows:
        kb = known_bugs_table(kb_rows, pkgs)
        kb["tsv"] = os.path.relpath(known_bugs, ROOT) if known_bugs.startswith(ROOT + "/") \
            else known_bugs
        with open(os.path.join(rdir, KB_JSON), "w") as out:
            json.dump(kb, out, indent=1)
        write_known_bugs(kb, w, kb["tsv"])

    bad = [(p["package"], r) for p in pkgs for r in p["results"]
           if r["status"] in ("crash", "timeout")]
    w("## Crashes and timeouts")
    w("")
    if not bad:
        w("None.")
    else:
        w("| package | TU | status | detail |")
        w("|---|---|---|---|")
        for name, r in bad:
            detail = r.get("signal") or ("rc %s" % r["rc"] if r["rc"] is not None else
                                         "> %ss" % next(p for p in pkgs if p["package"] == name)["timeout"])
            w("| %s | `%s` | %s | %s |" % (name, md(r["tu"]), r["status"], md(detail)))
    w("")
    errs = [(p["package"], r) for p in pkgs for r in p["results"] if r["status"] == "compile-error"]
    if errs:
        w("## TUs with compile errors")
        w("")
        w("Parsed with errors (usually a GCC-only flag or a file the build did not "
          "generate); the checks ran on what parsed.")
        w("")
        for name, r in errs[:50]:
            e = r["errors"][0] if r["errors"] else {"path": "", "line": 0, "message": ""}
            w("- %s `%s`: %s" % (name, r["tu"], md(e["message"])))
        if len(errs) > 50:
            w("- ... and %d more" % (len(errs) - 50))
        w("")

    if is_facts and other:
        write_facts_delta(w, pkgs, other, tdir)

    w("## Findings")
    for p in pkgs:
        w("")
        w("### %s %s" % (p["package"], p["version"]))
        w("")
        if not p["findings"]:
            w("No findings.")
            continue
        w("| | check | where | message | reason |")
        w("|---|---|---|---|---|")
        for f in p["findings"]:
            lab, reason = labels[(p["package"], f["fingerprint"])]
            w("| %s | %s | `%s:%d` | %s | %s |" % (
                lab, short_check(f["check"]), md(f["file"]), f["line"], md(f["message"]),
                md(reason)))
    untri = [(p["package"], f) for p in pkgs for f in p["findings"]
             if labels[(p["package"], f["fingerprint"])][0] == "?"]
    w("")
    w("## Untriaged findings")
    w("")
    if not untri:
        w("None: every finding has a label.")
    else:
        w("Add a row to `eval/triage/PKG.tsv` for each (or run "
          "`scripts/eval.py --update-triage PKG` to append them as `?`).")
        w("")
        for name, f in untri:
            w("- %s `%s` %s `%s:%d` %s" % (name, f["fingerprint"], f["check"], f["file"],
                                           f["line"], md(f["message"])))
    old = [(n, k, v) for n, lst in stale.items() for k, v in lst]
    if old:
        w("")
        w("## Triage rows that match no finding")
        w("")
        w("The code or the checker changed; drop or re-key these rows.")
        w("")
        for n, k, v in old:
            w("- %s `%s` %s %s %s" % (n, k, v["label"], v["check"], v["where"]))
    open(os.path.join(rdir, "REPORT.md"), "w").write("\n".join(L) + "\n")


# --------------------------------------------------------------------------


def tool_version(tidy):
    try:
        out = subprocess.run([tidy, "--version"], capture_output=True, text=True).stdout
        m = re.search(r"version ([\w.~+-]+)", out)
        return m.group(1) if m else out.strip().splitlines()[0]
    except OSError:
        return "?"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("packages", nargs="*", help="a subset of eval/packages.txt")
    ap.add_argument("--llvm", type=int, default=int(os.environ.get("NBIO_LLVM_MAJOR", 19)))
    ap.add_argument("--plugin", help="default: build/llvm-N/lib/nbio-tidy-N.so")
    ap.add_argument("--clang-tidy", help="default: clang-tidy-N")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--build-jobs", type=int, default=int(os.environ.get("EVAL_BUILD_JOBS", 2)))
    ap.add_argument("--timeout", type=int, default=600, help="seconds per TU (600)")
    ap.add_argument("--tu", help="only TUs whose path matches this regex")
    ap.add_argument("--packages-file", default=os.path.join(EVAL, "packages.txt"))
    ap.add_argument("--cache", default=os.path.join(EVAL, "cache"))
    ap.add_argument("--results", help="default: eval/results (LLVM 19), eval/results/llvm-N (others)")
    ap.add_argument("--triage", default=os.path.join(EVAL, "triage"))
    ap.add_argument("--known-bugs", default=KNOWN_BUGS,
                    help="rows of real bugs and look-alikes to score (eval/known-bugs.tsv)")
    ap.add_argument("--prepare-only", action="store_true",
                    help="fetch, install and make the databases; analyse nothing")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite REPORT.md from the JSON results and the triage")
    ap.add_argument("--update-triage", action="store_true",
                    help="append findings the TSVs do not know, labelled '?'")
    ap.add_argument("--facts", action="store_true",
                    help="with project-wide facts: a facts phase over every TU "
                         "first (FactsExportDir, nbio-facts merge), then the "
                         "checks with FactsFile; results in <results>/facts/")
    opts = ap.parse_args()

    if not opts.results:
        opts.results = os.path.join(EVAL, "results") if opts.llvm == 19 else \
            os.path.join(EVAL, "results", "llvm-%d" % opts.llvm)
        if opts.facts:
            opts.results = os.path.join(opts.results, "facts")
    os.makedirs(opts.results, exist_ok=True)
    if opts.report_only:
        # Fingerprints are recomputed where the sources are at hand, so a
        # change of the fingerprint rules needs no new analysis.
        for path in result_files(opts.results):
            p = json.load(open(path))
            if os.path.isdir(p.get("source_dir", "")):
                assign_fingerprints(p["findings"], os.path.realpath(p["source_dir"]))
                with open(path, "w") as out:
                    json.dump(p, out, indent=1)
        if opts.update_triage:
            for path in result_files(opts.results):
                p = json.load(open(path))
                if not opts.packages or p["package"] in opts.packages:
                    update_triage(p["package"], p["findings"], opts.triage)
        write_report(opts.results, opts.triage, opts.known_bugs)
        log("eval: wrote %s" % os.path.join(opts.results, "REPORT.md"))
        return 0

    pkgs = read_packages(opts.packages_file)
    if opts.packages:
        unknown = set(opts.packages) - {p["name"] for p in pkgs}
        if unknown:
            die("not in %s: %s" % (opts.packages_file, " ".join(sorted(unknown))))
        pkgs = [p for p in pkgs if p["name"] in opts.packages]
    n = opts.llvm
    opts.plugin = os.path.abspath(opts.plugin or os.path.join(
        ROOT, "build", "llvm-%d" % n, "lib", "nbio-tidy-%d.so" % n))
    opts.clang_tidy = opts.clang_tidy or shutil.which("clang-tidy-%d" % n) or \
        "/usr/lib/llvm-%d/bin/clang-tidy" % n
    if not opts.prepare_only:
        if not os.path.exists(opts.plugin):
            die("no plugin at %s; build it (make build, or cmake --build build/llvm-%d "
                "--target nbio-tidy) or pass --plugin" % (opts.plugin, n))
        if not os.path.exists(opts.clang_tidy) and not shutil.which(opts.clang_tidy):
            die("no %s; run 'make setup'" % opts.clang_tidy)
    # Freeze the plugin: other builds may replace it while we run.
    plugin_sha = ""
    if not opts.prepare_only:
        plugin_sha = sha256(opts.plugin)
        frozen = os.path.join(opts.cache, "plugin-%s.so" % plugin_sha[:16])
        os.makedirs(opts.cache, exist_ok=True)
        if not os.path.exists(frozen):
            shutil.copy2(opts.plugin, frozen)
        plugin_shown, opts.plugin = opts.plugin, frozen

    status = 0
    for pkg in pkgs:
        pdir = os.path.join(opts.cache, pkg["name"])
        os.makedirs(pdir, exist_ok=True)
        logf = os.path.join(pdir, "prepare.log")
        sdir = fetch(pkg, pdir, logf)
        build_deps(pkg, pdir, logf)
        dbdir = make_db(pkg, pdir, sdir, logf, opts.build_jobs)
        if opts.prepare_only:
            log("eval: %s: ready (%s)" % (pkg["name"], dbdir))
            continue
        log("eval: %s: analysing with %s" % (pkg["name"], os.path.basename(opts.clang_tidy)))
        facts = facts_cpu = merge_wall = None
        if opts.facts:
            facts, facts_cpu, merge_wall = export_facts(pkg, sdir, dbdir, pdir, opts)
        results, wall = analyse(pkg, sdir, dbdir, opts, facts)
        findings = collect_findings(results, sdir)
        counts = {}
        for r in results:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        version = os.path.basename(sdir)
        version = version[len(pkg["name"]) + 1:] if version.startswith(pkg["name"] + "-") else version
        dsc = [f for f in os.listdir(os.path.dirname(sdir)) if f.endswith(".dsc")]
        data = {
            "package": pkg["name"], "version": version,
            "debian_version": dsc[0][len(pkg["name"]) + 1:-4] if dsc else "",
            "recipe": pkg["line"], "source_dir": sdir,
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "llvm": n, "clang_tidy": opts.clang_tidy,
            "clang_tidy_version": tool_version(opts.clang_tidy),
            "plugin": os.path.relpath(plugin_shown, ROOT) if plugin_shown.startswith(ROOT)
            else plugin_shown, "plugin_sha": plugin_sha,
            "host": {"name": platform.node(), "cpus": os.cpu_count(),
                     "kernel": platform.release(), "loadavg": os.getloadavg()},
            "jobs": opts.jobs, "timeout": opts.timeout,
            "tus": len(results), "status_counts": counts,
            "wall": round(wall, 2), "cpu": round(sum(r["cpu"] for r in results), 2),
            "findings": findings,
            "facts": {"file": facts, "cpu": round(facts_cpu, 2),
                      "merge_wall": round(merge_wall, 3)} if facts else None,
            "results": [{k: v for k, v in r.items() if k != "findings"} for r in results],
        }
        for r in data["results"]:
            r["tu"] = os.path.relpath(r["tu"], os.path.realpath(sdir))
            r["findings"] = sum(1 for f in findings if r["tu"] in f["tus"])
        if opts.tu:
            log("eval: --tu given: not writing %s.json (partial run)" % pkg["name"])
            for f in findings:
                print("%s:%d: %s [%s] %s" % (f["file"], f["line"], f["message"], f["check"],
                                             f["fingerprint"]))
            continue
        with open(os.path.join(opts.results, pkg["name"] + ".json"), "w") as out:
            json.dump(data, out, indent=1, sort_keys=False)
        if opts.update_triage:
            added = update_triage(pkg["name"], findings, opts.triage)
            if added:
                log("eval: %s: %d new finding(s) appended to eval/triage/%s.tsv"
                    % (pkg["name"], added, pkg["name"]))
        log("eval: %s: %d TUs, %d findings, %s; wall %s, CPU %s" % (
            pkg["name"], len(results), len(findings),
            ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items())),
            fmt_time(wall), fmt_time(data["cpu"])))
        if counts.get("crash") or counts.get("timeout"):
            status = 1
    if not opts.prepare_only and not opts.tu:
        write_report(opts.results, opts.triage, opts.known_bugs)
        log("eval: wrote %s" % os.path.join(opts.results, "REPORT.md"))
    return status


if __name__ == "__main__":
    sys.exit(main())
