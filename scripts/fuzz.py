#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Fuzz the nbio plugin: mutated test inputs and generated programs.

Each input is a C or C++ file: a test input of test/checkers mutated at the
level of lines and tokens (lines and tokens deleted, duplicated or swapped;
statements wrapped in new blocks or macros; comments and backslash-newlines
put between tokens; lines joined), or a program generated from templates of
non-blocking I/O code. For each one:

  1. clang -fsyntax-only says whether it compiles (mutants often do not;
     the checks must still not crash on them);
  2. clang-tidy with the plugin (-checks='-*,nbio-*') runs under a time
     limit: a signal or a "Stack dump" is a *crash*, the time limit a
     *hang*, a sanitizer report a *sanitizer* finding (the ASan+UBSan
     plugin of build/asan-llvm-N is used when it was built: `make
     check-sanitize`);
  3. when the input compiled: --fix, and the fixed file must compile
     and keep the comments, literals, preprocessor lines and line splices
     it had (test/tools/fix_keeps_text.py; otherwise a *broken fix*), then
     --fix again, which must change nothing
     (otherwise a *non-idempotent fix*).

Each finding's input is reduced (line-deletion delta debugging: chunks of
lines removed while the same finding, with the same signature, remains) and
written with its log to RESULTS/findings/; RESULTS/SUMMARY.md and
RESULTS/summary.json count the inputs run and the findings of each kind.

  scripts/fuzz.py                         # 10 minutes, LLVM 19, 2 jobs
  scripts/fuzz.py --minutes 60 --llvm 22 -j 2 --seed 7
  scripts/fuzz.py --max-inputs 20 --seed 1 --out /tmp/fz

Exit status: 0 no finding, 1 findings, 2 the fuzzer could not run.
"""

import argparse
import concurrent.futures
import datetime
import glob
import importlib.util
import json
import os
import random
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

# test/tools/fix_keeps_text.py: what a fix must keep of the text it copies.
_spec = importlib.util.spec_from_file_location(
    "fix_keeps_text", os.path.join(ROOT, "test", "tools", "fix_keeps_text.py"))
keeps_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(keeps_text)
KINDS = ["crash", "hang", "sanitizer", "broken-fix", "non-idempotent"]

# --------------------------------------------------------------------------
# running things


def run(cmd, timeout, cwd=None):
    """(rc, out, err, timed_out); rc is -SIG for a signal. The child gets a
    session of its own so that a timeout kills all of it."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out.decode(errors="replace"), \
            err.decode(errors="replace"), False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        return None, out.decode(errors="replace"), err.decode(errors="replace"), True


class Tools:
    def __init__(self, opts):
        n = opts.llvm
        self.clang = opts.clang or shutil.which("clang-%d" % n) or \
            "/usr/lib/llvm-%d/bin/clang" % n
        asan_plugin = os.path.join(ROOT, "build", "asan-llvm-%d" % n, "lib",
                                   "nbio-tidy-%d.so" % n)
        asan_tidy = os.path.join(ROOT, "build", "asan-llvm-%d" % n, "bin",
                                 "sanitized-clang-tidy-%d" % n)
        self.sanitized = False
        if opts.plugin or opts.clang_tidy:
            self.plugin = opts.plugin or os.path.join(
                ROOT, "build", "llvm-%d" % n, "lib", "nbio-tidy-%d.so" % n)
            self.tidy = shlex.split(opts.clang_tidy) if opts.clang_tidy else \
                [shutil.which("clang-tidy-%d" % n) or "clang-tidy-%d" % n]
        elif not opts.no_asan and os.path.exists(asan_plugin) and \
                os.path.exists(asan_tidy):
            self.plugin, self.tidy, self.sanitized = asan_plugin, [asan_tidy], True
        else:
            self.plugin = os.path.join(ROOT, "build", "llvm-%d" % n, "lib",
                                       "nbio-tidy-%d.so" % n)
            self.tidy = [shutil.which("clang-tidy-%d" % n) or "clang-tidy-%d" % n]
        self.timeout = opts.timeout

    def tidy_cmd(self, path, args, fix=False):
        return self.tidy + ["--load=" + self.plugin, "-checks=-*,nbio-*",
                            "-config={}", "--quiet"] + \
            (["--fix"] if fix else []) + [path, "--"] + args

    def compiles(self, path, lang, args):
        rc, out, err, to = run([self.clang, "-x", lang, "-fsyntax-only", "-w"]
                               + args + [path], 60)
        return rc == 0, err


# --------------------------------------------------------------------------
# inputs

TOKEN = re.compile(r"""
    (?P<space>[ \t]+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>(?:u8|u|U|L)?"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<word>[A-Za-z_]\w*|\d[\w.]*)
  | (?P<punct>->|\+\+|--|<<=?|>>=?|[<>!=]=|&&|\|\||::|[-+*/%&|^]=|\#\#|.)
""", re.X | re.S)


def tokens(line):
    return [m.group(0) for m in TOKEN.finditer(line)]


def seed_inputs(paths):
    """(path, lang, compiler args) of each seed file; the args come from the
    file's first RUN line's `-- ...`, with %S expanded."""
    seeds = []
    for p in paths:
        files = sorted(glob.glob(os.path.join(p, "*.c")) +
                       glob.glob(os.path.join(p, "*.cpp"))) \
            if os.path.isdir(p) else [p]
        for f in files:
            lang = "c++" if f.endswith(".cpp") else "c"
            args = None
            with open(f, errors="replace") as fh:
                text = fh.read()
            for m in re.finditer(r"^// RUN: (.*)$", text, re.M):
                line = m.group(1)
                is_cxx = "--lang=c++" in line
                if (lang == "c++") != is_cxx or " -- " not in line:
                    continue
                args = line.split(" -- ", 1)[1].replace(
                    "%S", os.path.dirname(os.path.abspath(f))).split()
                break
            if args is None:
                args = ["-std=c++17" if lang == "c++" else "-std=c11"]
            seeds.append({"path": f, "lang": lang, "args": args, "text": text})
    return seeds


# Mutations and their weights: those that keep the code compiling (layout,
# comments, macros, nesting) more often than those that break it, so that
# the --fix steps run on a fair share of the mutants.
MUTATIONS = [("comment", 3), ("splice", 3), ("nest", 3), ("macro", 3),
             ("macro-depth", 2), ("join-lines", 2), ("del-line", 2),
             ("dup-line", 1), ("swap-lines", 1), ("del-token", 1),
             ("dup-token", 1), ("swap-tokens", 1)]


HOT = re.compile(r"\b(while|if|errno|EAGAIN|EWOULDBLOCK)\b")


def mutate(text, rng):
    """Between one and three mutations of text, each named in a word."""
    lines = text.split("\n")
    done = []
    for _ in range(rng.randint(1, 3)):
        op = rng.choices(*zip(*MUTATIONS))[0]
        n = len(lines)
        if n < 3:
            break
        # Half the time, a line the checks look at closely (a condition, an
        # errno test): where the fixes copy text from.
        hot = [k for k, ln in enumerate(lines) if HOT.search(ln)]
        i = rng.choice(hot) if hot and rng.random() < 0.5 else rng.randrange(n)
        toks = tokens(lines[i])
        words = [k for k, t in enumerate(toks) if not t.isspace()]
        if op == "del-line":
            del lines[i]
        elif op == "dup-line":
            lines.insert(i, lines[i])
        elif op == "swap-lines":
            j = min(n - 1, i + rng.randint(1, 3))
            lines[i], lines[j] = lines[j], lines[i]
        elif op in ("del-token", "dup-token", "swap-tokens") and words:
            k = rng.choice(words)
            if op == "del-token":
                toks[k] = ""
            elif op == "dup-token":
                toks[k] = toks[k] + " " + toks[k]
            else:
                later = [w for w in words if w > k]
                if later:
                    j = later[0]
                    toks[k], toks[j] = toks[j], toks[k]
            lines[i] = "".join(toks)
        elif op == "nest":
            j = min(n, i + rng.randint(1, 6))
            opener, closer = rng.choice([("{", "}"), ("if (1) {", "}"),
                                         ("do {", "} while (0);"),
                                         ("while (1) {", "break; }"),
                                         ("for (;;) {", "break; }")])
            lines[i:j] = [opener] + lines[i:j] + [closer]
        elif op == "macro" and words:
            k = rng.choice(words)
            toks[k] = "NBIO_FZ_ID(" + toks[k] + ")"
            lines[i] = "".join(toks)
            lines.insert(0, "#define NBIO_FZ_ID(...) __VA_ARGS__")
        elif op == "macro-depth" and lines[i].strip().endswith(";"):
            depth = rng.randint(2, 64)
            body = lines[i].strip()[:-1]
            lines[i] = "NBIO_FZ_D%d(%s);" % (depth, body)
            defs = ["#define NBIO_FZ_D0(...) __VA_ARGS__"] + \
                ["#define NBIO_FZ_D%d(...) NBIO_FZ_D%d(__VA_ARGS__)" % (d, d - 1)
                 for d in range(1, depth + 1)]
            lines[0:0] = defs
        elif op == "comment" and words:
            k = rng.choice(words)
            toks[k] += rng.choice([" /* fz */ ", " // fz\n"])
            lines[i] = "".join(toks)
        elif op == "splice" and words:
            k = rng.choice(words)
            toks[k] += " \\\n"
            lines[i] = "".join(toks)
        elif op == "join-lines" and i + 1 < n:
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1].lstrip()]
        else:
            continue
        done.append(op)
    return "\n".join(lines), done


GEN_HEAD = """\
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>
"""


def generate(rng):
    """A program of a few functions from templates of non-blocking I/O code:
    random set-up, call, error handling, loop and nesting."""
    out = [GEN_HEAD, "static int g_fd;\n"]
    for f in range(rng.randint(1, 5)):
        call, dirn = rng.choice([("read(fd, buf, len)", "in"),
                                 ("recv(fd, buf, len, 0)", "in"),
                                 ("write(fd, buf, len)", "out"),
                                 ("send(fd, buf, len, MSG_NOSIGNAL)", "out")])
        setup = rng.choice([
            "  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);\n",
            "  fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);\n",
            "  g_fd = fd;\n",
            "  fd = g_fd;\n",
            ""])
        eagain = rng.choice(["errno == EAGAIN",
                             "errno == EAGAIN || errno == EWOULDBLOCK",
                             "errno == EWOULDBLOCK",
                             "errno != EINTR"])
        wait = "{ struct pollfd p = {fd, %s, 0}; (void)poll(&p, 1, -1); }" % (
            "POLLIN" if dirn == "in" else "POLLOUT")
        shape = rng.choice(["fatal", "handled", "do-retry", "while-retry",
                            "goto-retry", "switch"])
        if shape == "fatal":
            body = ("  ssize_t n = %s;\n  if (n < 0) { close(fd); return -1; }\n"
                    "  return n;\n" % call)
        elif shape == "handled":
            body = ("  ssize_t n = %s;\n  if (n < 0) {\n    if (%s)\n      return 0;\n"
                    "    close(fd);\n    return -1;\n  }\n  return n;\n" % (call, eagain))
        elif shape == "do-retry":
            body = ("  ssize_t n;\n  do {\n    n = %s;\n%s  } while (n < 0 && (%s));\n"
                    "  return n;\n" % (call, "    if (n < 0) %s\n" % wait
                                       if rng.random() < 0.5 else "", eagain))
        elif shape == "while-retry":
            body = ("  ssize_t n;\n  while ((n = %s) < 0) {\n    if (!(%s)) break;\n%s"
                    "  }\n  return n;\n" % (call, eagain,
                                           "    %s\n" % wait if rng.random() < 0.5 else ""))
        elif shape == "goto-retry":
            body = ("  ssize_t n;\nretry:\n  n = %s;\n  if (n < 0 && (%s)) {\n%s"
                    "    goto retry;\n  }\n  return n;\n" % (
                        call, eagain, "    %s\n" % wait if rng.random() < 0.5 else ""))
        else:
            body = ("  ssize_t n = %s;\n  if (n < 0) {\n    switch (errno) {\n"
                    "    case EAGAIN:\n      return 0;\n    case EINTR:\n      return 0;\n"
                    "    default:\n      close(fd);\n      return -1;\n    }\n  }\n"
                    "  return n;\n" % call)
        # Nesting: the body inside some loops and blocks.
        for _ in range(rng.randint(0, 3)):
            body = rng.choice([
                "  for (int k = 0; k < 2; k++) {\n%s  }\n  return -1;\n",
                "  if (len > 0) {\n%s  }\n  return -1;\n",
                "  {\n%s  }\n"]) % body
        out.append("ssize_t fn_%d(int fd, %schar *buf, size_t len) {\n%s%s}\n\n" % (
            f, "" if dirn == "in" else "const ", setup, body))
    return "".join(out)


def make_case(i, seed, seeds, mix=0.75):
    """Input number i: deterministic from (seed, i), whatever -j is; a
    mutant with probability mix, else a generated program."""
    rng = random.Random("%d/%d" % (seed, i))
    if seeds and rng.random() < mix:
        s = rng.choice(seeds)
        text, ops = mutate(s["text"], rng)
        return {"id": i, "origin": os.path.relpath(s["path"], ROOT),
                "mutations": ops, "lang": s["lang"], "args": s["args"], "text": text}
    text = generate(rng)
    lang = "c++" if rng.random() < 0.3 else "c"
    return {"id": i, "origin": "generated", "mutations": [], "lang": lang,
            "args": ["-std=c++17" if lang == "c++" else "-std=gnu11"], "text": text}


# --------------------------------------------------------------------------
# one input


SAN = re.compile(r"ERROR: (Address|Undefined|Leak)Sanitizer: ([\w-]+)|"
                 r"runtime error: ([^\n]*)")
NBIO_FRAME = re.compile(r"(clang::tidy::nbio::[\w:~<>]+)")
COMPILE_ERROR = re.compile(r"error: ([^\n]*)")


def signature(kind, err):
    """What tells two findings of one kind apart: the sanitizer's kind of
    error and the plugin's first frame, or the first compile error."""
    if kind in ("crash", "sanitizer"):
        m = SAN.search(err)
        what = (m.group(2) or m.group(3) or "") if m else ""
        what = re.sub(r"0x[0-9a-f]+|\d+", "N", what)[:80]
        f = NBIO_FRAME.search(err)
        return ("%s %s" % (what, f.group(1) if f else "")).strip() or "signal"
    if kind == "broken-fix":
        m = COMPILE_ERROR.search(err)
        return re.sub(r"'[^']*'", "'X'", m.group(1))[:100] if m else "?"
    return kind


def classify(rc, err, timed_out):
    if timed_out:
        return "hang"
    if SAN.search(err) or rc == 86:
        return "sanitizer"
    if (rc is not None and rc < 0) or "Stack dump:" in err or \
            "PLEASE submit a bug report" in err:
        return "crash"
    return None


def tidy_step(tools, path, args, workdir, fix=False):
    """One clang-tidy run: (stdout, finding or None)."""
    rc, out, err, to = run(tools.tidy_cmd(path, args, fix), tools.timeout, cwd=workdir)
    kind = classify(rc, err, to)
    return out, (kind, signature(kind, err), err[-20000:]) if kind else None


def check_input(tools, case, workdir):
    """Runs every step on one input; returns (compiled, [(kind, sig, log)])."""
    ext = ".cpp" if case["lang"] == "c++" else ".c"
    os.makedirs(workdir, exist_ok=True)
    path = os.path.join(workdir, "input" + ext)
    with open(path, "w") as f:
        f.write(case["text"])
    args = case["args"]
    compiled, _ = tools.compiles(path, case["lang"], args)
    _, found = tidy_step(tools, path, args, workdir)
    if found or not compiled:
        return compiled, [found] if found else []
    fixed = os.path.join(workdir, "fixed" + ext)
    shutil.copy(path, fixed)
    _, found = tidy_step(tools, fixed, args, workdir, fix=True)
    if found:
        return compiled, [found]
    with open(fixed) as f:
        once = f.read()
    if once == case["text"]:
        return compiled, []
    ok, cerr = tools.compiles(fixed, case["lang"], args)
    if not ok:
        return compiled, [("broken-fix", signature("broken-fix", cerr),
                           "the fixed file does not compile:\n" + cerr[-8000:] +
                           "\n--- fixed file ---\n" + once[-20000:])]
    # It compiles, but a fix that pasted text must not have lost or changed
    # a comment, a literal, a preprocessor line or a line splice.
    garbled = keeps_text.problems(case["text"], once)
    if garbled:
        return compiled, [("broken-fix", "garbled " + garbled[0].split(" ")[0],
                           "the fix garbled the text it copied:\n  " +
                           "\n  ".join(garbled) + "\n--- fixed file ---\n" +
                           once[-20000:])]
    out2, found = tidy_step(tools, fixed, args, workdir, fix=True)
    if found:
        return compiled, [found]
    with open(fixed) as f:
        twice = f.read()
    if twice != once:
        checks = sorted(set(re.findall(r"\[(nbio-[\w-]+)\]", out2)))
        return compiled, [("non-idempotent", "non-idempotent " + ",".join(checks),
                           "a second --fix changed the fixed file; it reported:\n" +
                           out2[-8000:] + "\n--- after one --fix ---\n" + once[-20000:])]
    return compiled, []


# --------------------------------------------------------------------------
# reduction


def reduce_case(tools, case, kind, sig, workdir, budget):
    """Line-deletion delta debugging: removes chunks of lines, halving the
    chunk size, while the input still gives `kind` with signature `sig`;
    stops after `budget` seconds. Returns (text, probes)."""
    lines = case["text"].split("\n")
    deadline = time.time() + budget
    probes = 0

    def still(cand):
        nonlocal probes
        probes += 1
        c = dict(case, text="\n".join(cand))
        _, found = check_input(tools, c, workdir)
        return any(k == kind and s == sig for k, s, _ in found)

    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and time.time() < deadline:
        i, removed = 0, False
        while i < len(lines) and time.time() < deadline:
            cand = lines[:i] + lines[i + chunk:]
            if cand and still(cand):
                lines, removed = cand, True
            else:
                i += chunk
        if not removed:
            chunk //= 2
    return "\n".join(lines), probes


# --------------------------------------------------------------------------
# main loop


def write_summary(out, info, counts, findings):
    info = dict(info, counts=counts, findings=findings)
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(info, f, indent=1)
    L = ["# nbio fuzz run", ""]
    L.append("- date: %s; %.1f minutes; seed %d; %d jobs" % (
        info["date"], info["minutes_run"], info["seed"], info["jobs"]))
    L.append("- clang-tidy: `%s`; plugin: `%s`%s" % (
        " ".join(info["clang_tidy"]), info["plugin"],
        " (ASan+UBSan)" if info["sanitized"] else ""))
    L.append("- per-input time limit: %ds" % info["timeout"])
    L.append("")
    L.append("| inputs run | of them compiled | crashes | hangs | sanitizer reports | "
             "broken fixes | non-idempotent fixes |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    L.append("| %d | %d | %d | %d | %d | %d | %d |" % (
        counts["inputs"], counts["compiled"], counts["crash"], counts["hang"],
        counts["sanitizer"], counts["broken-fix"], counts["non-idempotent"]))
    L.append("")
    if findings:
        L.append("Distinct findings (kind and signature; the first input of each is "
                 "kept, reduced, in `findings/`):")
        L.append("")
        L.append("| kind | signature | inputs | first | reduced lines |")
        L.append("|---|---|---:|---|---:|")
        for f in findings:
            L.append("| %s | `%s` | %d | `%s` | %s |" % (
                f["kind"], f["signature"], f["count"], f["dir"],
                f.get("reduced_lines", "-")))
    else:
        L.append("No finding.")
    with open(os.path.join(out, "SUMMARY.md"), "w") as f:
        f.write("\n".join(L) + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog=__doc__.split("\n", 2)[2],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--llvm", type=int, default=int(os.environ.get("NBIO_LLVM_MAJOR", 19)))
    ap.add_argument("--seed", type=int, default=None, help="default: from the clock")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--max-inputs", type=int, help="stop after this many inputs")
    ap.add_argument("--timeout", type=int, default=30, help="seconds per clang-tidy run")
    ap.add_argument("--reduce-seconds", type=int, default=120,
                    help="time for reducing one finding's input")
    ap.add_argument("--seeds", nargs="*", default=[os.path.join(ROOT, "test", "checkers")],
                    help="seed files or directories (*.c, *.cpp)")
    ap.add_argument("--mix", type=float, default=0.75,
                    help="share of mutants among the inputs (the rest are generated)")
    ap.add_argument("--out", help="results directory (default fuzz-results/DATE)")
    ap.add_argument("--plugin", help="the plugin (default: the ASan one if built)")
    ap.add_argument("--clang-tidy", help="the clang-tidy command (split like a shell)")
    ap.add_argument("--clang", help="the compiler for -fsyntax-only")
    ap.add_argument("--no-asan", action="store_true",
                    help="use build/llvm-N's plugin even if the ASan one is built")
    ap.add_argument("--exit-zero", action="store_true",
                    help="exit 0 even with findings (smoke tests)")
    opts = ap.parse_args(argv)
    seed = opts.seed if opts.seed is not None else int(time.time()) % 100000
    tools = Tools(opts)
    if not os.path.exists(tools.plugin):
        print("fuzz: no plugin at %s (make build, or make check-sanitize for the "
              "ASan one)" % tools.plugin, file=sys.stderr)
        return 2
    out = opts.out or os.path.join(ROOT, "fuzz-results",
                                   datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
    os.makedirs(os.path.join(out, "findings"), exist_ok=True)
    seeds = seed_inputs(opts.seeds)
    info = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "seed": seed, "jobs": opts.jobs, "mix": opts.mix, "llvm": opts.llvm, "timeout": opts.timeout,
            "clang_tidy": tools.tidy, "plugin": tools.plugin,
            "sanitized": tools.sanitized, "seeds": len(seeds),
            "command": "scripts/fuzz.py " + " ".join(shlex.quote(a) for a in argv)}
    print("fuzz: seed %d, %d seed files, plugin %s%s, results in %s" % (
        seed, len(seeds), tools.plugin, " (ASan+UBSan)" if tools.sanitized else "", out),
        file=sys.stderr)
    counts = {k: 0 for k in ["inputs", "compiled"] + KINDS}
    findings = {}  # (kind, sig) -> record
    lock = threading.Lock()
    scratch = tempfile.mkdtemp(prefix="nbio-fuzz-")
    start = time.time()
    deadline = start + 60 * opts.minutes
    next_id = [0]

    def take():
        with lock:
            if time.time() > deadline or (opts.max_inputs is not None and
                                          next_id[0] >= opts.max_inputs):
                return None
            next_id[0] += 1
            return next_id[0] - 1

    def worker(w):
        while True:
            i = take()
            if i is None:
                return
            case = make_case(i, seed, seeds, opts.mix)
            wd = os.path.join(scratch, "w%d" % w)
            compiled, found = check_input(tools, case, wd)
            with lock:
                counts["inputs"] += 1
                counts["compiled"] += compiled
                new = []
                for kind, sig, log in found:
                    counts[kind] += 1
                    key = (kind, sig)
                    if key in findings:
                        findings[key]["count"] += 1
                    else:
                        d = "findings/%03d-%s" % (len(findings) + 1, kind)
                        findings[key] = {"kind": kind, "signature": sig, "count": 1,
                                         "dir": d, "input": i}
                        new.append((kind, sig, log, d))
            for kind, sig, log, d in new:
                ext = ".cpp" if case["lang"] == "c++" else ".c"
                fd = os.path.join(out, d)
                os.makedirs(fd, exist_ok=True)
                with open(os.path.join(fd, "input" + ext), "w") as f:
                    f.write(case["text"])
                with open(os.path.join(fd, "log.txt"), "w") as f:
                    f.write("input %d (%s; mutations: %s)\ncompile: %s %s\n\n%s\n" % (
                        i, case["origin"], " ".join(case["mutations"]) or "-",
                        case["lang"], " ".join(case["args"]), log))
                print("fuzz: input %d: %s (%s) -> %s" % (i, kind, sig, d), file=sys.stderr)
                red, probes = reduce_case(tools, case, kind, sig,
                                          os.path.join(scratch, "r%d" % w),
                                          opts.reduce_seconds)
                with open(os.path.join(fd, "reduced" + ext), "w") as f:
                    f.write(red)
                with lock:
                    findings[(kind, sig)]["reduced_lines"] = red.count("\n") + 1
                    findings[(kind, sig)]["probes"] = probes
            if counts["inputs"] % 25 == 0:
                print("fuzz: %d inputs, %.1f min" % (counts["inputs"],
                                                     (time.time() - start) / 60),
                      file=sys.stderr)

    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as ex:
        for fut in [ex.submit(worker, w) for w in range(opts.jobs)]:
            fut.result()
    shutil.rmtree(scratch, ignore_errors=True)
    info["minutes_run"] = (time.time() - start) / 60
    recs = sorted(findings.values(), key=lambda r: r["dir"])
    write_summary(out, info, counts, recs)
    print("fuzz: %d inputs (%d compiled): %d crashes, %d hangs, %d sanitizer reports, "
          "%d broken fixes, %d non-idempotent fixes; %d distinct; see %s/SUMMARY.md" % (
              counts["inputs"], counts["compiled"], counts["crash"], counts["hang"],
              counts["sanitizer"], counts["broken-fix"], counts["non-idempotent"],
              len(recs), out))
    return 1 if recs and not opts.exit_zero else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception:  # the fuzzer's own failure is not a finding: exit 2
        import traceback
        traceback.print_exc()
        sys.exit(2)
