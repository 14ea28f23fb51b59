#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""What the nbio checks cost, measured against clang-tidy's own baseline.

Three configurations run side by side, interleaved, on the same TUs, all with
the plugin loaded (so loading it is not what is measured):

  baseline  -checks='-*,cert-flp30-c'   parse + the AST traversal every check
                                        pays + a stock check that does almost
                                        nothing (for-loops with a float step)
  nbio      -checks='-*,nbio-*'
  peer      -checks='-*,bugprone-unused-return-value'   a stock check of the
                                        same kind (call sites, results)

The baseline used to be misc-unused-alias-decls; that check is C++-only, so on
the C dev set clang-tidy created no check and skipped the AST traversal: it
measured parsing only. cert-flp30-c runs on C and C++. A fourth configuration,
parse (-checks='-*,misc-unused-alias-decls': no check runs on C), is kept in
the instruction counts to show the parse-only figure too.

Part 1, dev-set TUs: a fixed list of files of the eval packages (their
compile databases come from scripts/eval.py --prepare-only, which this
script runs for the packages that lack one), REPS rounds,
medians of wall and CPU time, ratios to the baseline, peak memory, and a
--enable-check-profile run that gives each check's own time.

Part 1b, instructions: one run per dev-set TU and configuration (parse,
baseline, nbio, peer) under valgrind's cachegrind (--cache-sim=no), which
counts the instructions executed: deterministic, unlike the times, so the
cost goals are judged on it. Needs valgrind and strip (binutils); skipped
with a message when they are missing, or with --no-instructions.

Part 2, growth: generated C files of four shapes (many small functions; one
long function; deeply nested loops; many fds and fields) and five hostile
ones (issue 14: many EAGAIN comparisons in one function, many backward
gotos, a deep chain of function-like macros, a long && chain, a deep
expression) from 1k to 100k lines; the checks' own time against size, with
a linear fit and the exponent of a log-log fit (1.0 = linear). --shapes
picks some of them.

Part 3, clangd: `nbio-clangd-N --check=FILE --check-tidy-time=nbio-*` on the
same TUs, when the binary was built (NBIO_BUILD_BINARIES=ON).

Writes bench/RESULTS.md and bench/results.json.

  scripts/bench.py                    # LLVM 19, 5 rounds
  scripts/bench.py --llvm 22 --reps 3
  scripts/bench.py --quick            # 2 rounds, growth up to 10k lines
"""

import argparse
import concurrent.futures
import importlib.util
import datetime
import glob
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# scripts/eval.py: its process runner (eval is also a builtin's name).
_spec = importlib.util.spec_from_file_location(
    "nbio_eval", os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval.py"))
nbio_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nbio_eval)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(ROOT, "eval", "cache")
BENCH = os.path.join(ROOT, "bench")

CONFIGS = [("baseline", "-*,cert-flp30-c"),
           ("nbio", "-*,nbio-*"),
           ("peer", "-*,bugprone-unused-return-value")]
# Instruction counts only: a C++-only check, so on C no check is created and
# clang-tidy does not even traverse the AST: parsing alone.
PARSE = ("parse", "-*,misc-unused-alias-decls")

# The fixed dev-set TUs: network code of each package, small and large.
TUS = [
    ("memcached", "memcached.c"),
    ("memcached", "proto_text.c"),
    ("mosquitto", "lib/net_mosq.c"),
    ("mosquitto", "src/loop.c"),
    ("libevent", "buffer.c"),
    ("libevent", "http.c"),
    ("libevent", "bufferevent_sock.c"),
    ("redis", "src/networking.c"),
    ("redis", "src/anet.c"),
    ("redis", "deps/hiredis/net.c"),
    ("libuv1", "src/unix/stream.c"),
    ("libuv1", "src/unix/tcp.c"),
    ("curl", "lib/connect.c"),
    ("curl", "lib/cf-socket.c"),
    ("lighttpd", "src/connections.c"),
    ("nginx", "src/event/ngx_event_connect.c"),
    ("nginx", "src/os/unix/ngx_recv.c"),
]

SIZES = [1000, 3000, 10000, 30000, 100000]

# The cost goals (issue 11, the flow-sensitive core): the nbio checks add at
# most GOAL_TOTAL per cent of the baseline's instructions over the dev-set
# TUs, and at most GOAL_TU per cent on any one of them.
GOAL_TOTAL = 1.5
GOAL_TU = 4.0


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd, timeout=1800):
    """Runs cmd; returns dict(rc, wall, cpu, rss_kb, out, err). The runner is
    eval.py's, polled finely: these runs take tenths of a second."""
    rc, out, err, cpu, rss_kb, wall = nbio_eval.run_one(cmd, timeout, poll=0.005)
    return {"rc": rc, "wall": wall, "cpu": cpu, "rss_kb": rss_kb,
            "out": out, "err": err}


class Tidy:
    def __init__(self, tidy, plugin):
        self.tidy, self.plugin = tidy, plugin

    def cmd(self, checks, file, db=None, extra=(), compile_args=None, options=None):
        opts = "".join(", %s: '%s'" % kv for kv in sorted((options or {}).items()))
        config = "{Checks: '%s'%s}" % (
            checks, ", CheckOptions: {%s}" % opts[2:] if opts else "")
        c = [self.tidy, "--load=" + self.plugin,
             "--config=" + config, "--quiet",
             "--extra-arg=-Wno-unknown-warning-option"] + list(extra)
        if db:
            c += ["-p", db, file]
        else:
            c += [file, "--"] + (compile_args or [])
        return c


def read_profiles(pdir):
    """Sums the per-check wall times of --store-check-profile JSON files."""
    tot = {}
    for fn in glob.glob(os.path.join(pdir, "**", "*.json"), recursive=True):
        try:
            prof = json.load(open(fn))["profile"]
        except (ValueError, KeyError):
            continue
        for k, v in prof.items():
            m = re.match(r"time\.clang-tidy\.(.+)\.(wall|user|sys)$", k)
            if m:
                d = tot.setdefault(m.group(1), {"wall": 0.0, "user": 0.0, "sys": 0.0, "cpu": 0.0})
                d[m.group(2)] += v
                if m.group(2) != "wall":
                    d["cpu"] += v
    return tot


def profile(tidy, checks, file, db=None, compile_args=None, timeout=1800):
    with tempfile.TemporaryDirectory() as d:
        r = run(tidy.cmd(checks, file, db, ["--enable-check-profile",
                                            "--store-check-profile=" + d],
                         compile_args), timeout)
        return read_profiles(d), r


def median(xs):
    return statistics.median(xs) if xs else float("nan")


# --------------------------------------------------------------------------
# part 1


def prepare(only, llvm):
    """Makes the compile databases that are missing, through eval.py."""
    pkgs = sorted({pkg for pkg, _ in TUS if (not only or pkg in only) and not
                   os.path.exists(os.path.join(CACHE, pkg, "db", "compile_commands.json"))})
    if not pkgs:
        return
    log("bench: preparing %s (scripts/eval.py --prepare-only)" % " ".join(pkgs))
    rc = subprocess.call([sys.executable, os.path.join(ROOT, "scripts", "eval.py"),
                          "--prepare-only", "--llvm", str(llvm)] + pkgs)
    if rc != 0:
        log("bench: preparing failed (exit %d); the TUs of unprepared packages are "
            "skipped" % rc)


def dev_tus(only):
    tus = []
    for pkg, rel in TUS:
        if only and pkg not in only:
            continue
        db = os.path.join(CACHE, pkg, "db")
        dbf = os.path.join(db, "compile_commands.json")
        if not os.path.exists(dbf):
            log("bench: %s: no compile database (scripts/eval.py --prepare-only %s); "
                "skipping %s" % (pkg, pkg, rel))
            continue
        files = [e["file"] for e in json.load(open(dbf))]
        hit = [f for f in files if f.endswith("/" + rel)]
        if not hit:
            log("bench: %s: %s is not in its compile database; skipping" % (pkg, rel))
            continue
        tus.append({"pkg": pkg, "rel": rel, "file": hit[0], "db": db,
                    "lines": sum(1 for _ in open(hit[0], errors="replace"))})
    return tus


def bench_dev(tidy, tus, reps):
    data = {(t["pkg"], t["rel"]): {c: [] for c, _ in CONFIGS} for t in tus}
    n = len(tus) * reps * len(CONFIGS)
    k = 0
    for rep in range(reps):
        for i, t in enumerate(tus):
            # Rotate the order so no configuration always runs first.
            order = CONFIGS[(rep + i) % 3:] + CONFIGS[:(rep + i) % 3]
            for name, checks in order:
                r = run(tidy.cmd(checks, t["file"], t["db"]))
                k += 1
                msg = "[%d/%d] round %d %s:%s %s %.2fs CPU" % (
                    k, n, rep + 1, t["pkg"], t["rel"], name, r["cpu"])
                sys.stderr.write("\r\033[K" + msg if sys.stderr.isatty() else msg + "\n")
                sys.stderr.flush()
                if r["rc"] not in (0, 1):
                    log("\nbench: %s %s exited %s" % (t["rel"], name, r["rc"]))
                data[(t["pkg"], t["rel"])][name].append(
                    {"wall": r["wall"], "cpu": r["cpu"], "rss_kb": r["rss_kb"]})
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    prof = {}
    for t in tus:
        nb, _ = profile(tidy, "-*,nbio-*", t["file"], t["db"])
        pe, _ = profile(tidy, "-*,bugprone-unused-return-value", t["file"], t["db"])
        prof["%s:%s" % (t["pkg"], t["rel"])] = {**nb, **pe}
    return data, prof


# --------------------------------------------------------------------------
# part 1b: instruction counts (cachegrind)

IREFS = re.compile(r"^==\d+==\s+I\s+refs:\s+([\d,]+)", re.M)
COLLECTED = re.compile(r"^==\d+==\s+Collected\s*:\s+([\d,]+)", re.M)
CFG_BUILDER = "clang::CFG::buildCFG("


def instr_plugin(plugin, workdir):
    """A copy of the plugin without debug info, for valgrind, or (None, why).
    valgrind 3.19 rejects clang-19's DWARF 5 ("Possibly corrupted debuginfo
    file") and aborts; the stripped copy runs the same code."""
    missing = [b for b in ("valgrind", "strip") if not shutil.which(b)]
    if missing:
        return None, ("%s not found (apt-get install valgrind binutils, or "
                      "scripts/setup.sh)" % " and ".join(missing))
    stripped = os.path.join(workdir, "stripped-" + os.path.basename(plugin))
    r = subprocess.run(["strip", "--strip-debug", "-o", stripped, plugin],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, "strip --strip-debug failed: %s" % r.stderr.strip()
    return stripped, None


def facts_file(pkg):
    """The package's merged project facts, made by scripts/eval.py --facts,
    or None."""
    f = os.path.join(CACHE, pkg, "facts", "nbio-facts.json")
    return f if os.path.exists(f) else None


def bench_instructions(tidy, tus, workdir, timeout=3600):
    """Instructions executed by one run of each TU under each configuration
    (parse, baseline, nbio, peer, and the two of project-wide facts: export,
    the summary-writing pass, and facts, the checks reading the package's
    merged facts): {"PKG:REL": {config: N or None}}. The runs are
    independent, so they go in parallel, one per core; the count does not
    depend on what else runs."""
    configs = [PARSE] + CONFIGS
    vg = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
          "--cachegrind-out-file=/dev/null"]
    jobs = [(t, name, checks, None) for t in tus for name, checks in configs]
    for t in tus:
        jobs.append((t, "export", "-*,nbio-*",
                     {"FactsExportDir": os.path.join(workdir, "facts.d")}))
        if facts_file(t["pkg"]):
            jobs.append((t, "facts", "-*,nbio-*",
                         {"FactsFile": facts_file(t["pkg"])}))
    # The CFG's cost (issue 11 asks for it apart): the instructions spent in
    # clang::CFG::buildCFG, counted by callgrind with collection switched on
    # only inside it. The baseline builds CFGs too (Sema's analysis-based
    # warnings), so the nbio checks' share is the difference of the two runs.
    for t in tus:
        for name, checks in CONFIGS[:2]:
            jobs.append((t, "cfg_" + name, checks, None))
    res = {"%s:%s" % (t["pkg"], t["rel"]): {name: None for name, _ in configs}
           for t in tus}
    cg = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
          "--toggle-collect=" + CFG_BUILDER + "*"]

    def one(job):
        t, name, checks, options = job
        tool = cg if name.startswith("cfg_") else vg
        return job, run(tool + tidy.cmd(checks, t["file"], t["db"], options=options),
                        timeout)

    workers = os.cpu_count() or 1
    log("bench: instructions: %d cachegrind runs (%d TUs, %d configurations and "
        "the facts runs), %d at a time" % (len(jobs), len(tus), len(configs), workers))
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as ex:
        for k, fut in enumerate(concurrent.futures.as_completed(
                [ex.submit(one, j) for j in jobs]), 1):
            (t, name, _, _), r = fut.result()
            key = "%s:%s" % (t["pkg"], t["rel"])
            m = (COLLECTED if name.startswith("cfg_") else IREFS).search(r["err"])
            n = int(m.group(1).replace(",", "")) if m else None
            res[key][name] = n
            if n is None or r["rc"] not in (0, 1):
                tail = " | ".join(r["err"].strip().splitlines()[-3:])
                log("bench: instructions %s %s: exit %s, %s: %s" % (
                    key, name, r["rc"], "no count" if n is None else "count kept", tail))
            log("bench: [%d/%d] instructions %s %s: %s" % (
                k, len(jobs), key, name, "%.1fM" % (n / 1e6) if n else "-"))
    return res


def bench_merge(pkgs):
    """Wall time of `nbio-facts merge` over each package's per-TU summaries
    (made by scripts/eval.py --facts): {pkg: {"tus": N, "seconds": S}}."""
    out = {}
    merge = os.path.join(ROOT, "scripts", "nbio-facts.py")
    for pkg in pkgs:
        tu = os.path.join(CACHE, pkg, "facts", "tu")
        if not os.path.isdir(tu):
            continue
        dest = tempfile.mktemp(suffix=".json")
        t0 = time.time()
        r = subprocess.run([sys.executable, merge, "merge", tu, "-o", dest],
                           capture_output=True, text=True)
        out[pkg] = {"tus": len(glob.glob(os.path.join(tu, "*.json"))),
                    "seconds": round(time.time() - t0, 3) if r.returncode == 0 else None}
        if os.path.exists(dest):
            os.remove(dest)
    return out


# --------------------------------------------------------------------------
# part 2: generated TUs

PRELUDE = """\
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

static int set_nb(int fd) {
  int fl = fcntl(fd, F_GETFL, 0);
  return fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}
"""


def gen_functions(target):
    """Many small handlers: set non-blocking, read, handle EAGAIN."""
    out = [PRELUDE]
    k, lines = 0, PRELUDE.count("\n")
    while lines < target:
        if k % 8 == 7:  # one in eight is a finding
            body = ("ssize_t fn_%d(int fd, char *buf, size_t len) {\n"
                    "  set_nb(fd);\n"
                    "  ssize_t n = read(fd, buf, len);\n"
                    "  if (n <= 0) {\n"
                    "    close(fd);\n"
                    "    return -1;\n"
                    "  }\n"
                    "  return n;\n"
                    "}\n\n") % k
        else:
            body = ("ssize_t fn_%d(int fd, char *buf, size_t len) {\n"
                    "  set_nb(fd);\n"
                    "  ssize_t n = read(fd, buf, len);\n"
                    "  if (n < 0) {\n"
                    "    if (errno == EAGAIN || errno == EWOULDBLOCK)\n"
                    "      return 0;\n"
                    "    close(fd);\n"
                    "    return -1;\n"
                    "  }\n"
                    "  if (n == 0) {\n"
                    "    close(fd);\n"
                    "    return -1;\n"
                    "  }\n"
                    "  return n;\n"
                    "}\n\n") % k
        out.append(body)
        lines += body.count("\n")
        k += 1
    return "".join(out)


def gen_long(target):
    """One function that grows: a sequence of reads and writes with checks."""
    out = [PRELUDE, "long long_fn(int fd, int out, char *buf, size_t len) {\n"
           "  long total = 0;\n  set_nb(fd);\n  set_nb(out);\n"]
    k, lines = 0, PRELUDE.count("\n") + 4
    while lines < target - 3:
        if k % 2 == 0:
            body = ("  {\n"
                    "    ssize_t n_%d = read(fd, buf, len);\n"
                    "    if (n_%d < 0) {\n"
                    "      if (errno != EAGAIN && errno != EWOULDBLOCK) {\n"
                    "        close(fd);\n"
                    "        return -1;\n"
                    "      }\n"
                    "    } else if (n_%d == 0) {\n"
                    "      return total;\n"
                    "    } else {\n"
                    "      total += n_%d;\n"
                    "    }\n"
                    "  }\n") % (k, k, k, k)
        else:
            body = ("  for (size_t off_%d = 0; off_%d < len;) {\n"
                    "    ssize_t w_%d = write(out, buf + off_%d, len - off_%d);\n"
                    "    if (w_%d < 0) {\n"
                    "      if (errno == EAGAIN || errno == EWOULDBLOCK) {\n"
                    "        struct pollfd p_%d = {out, POLLOUT, 0};\n"
                    "        (void)poll(&p_%d, 1, -1);\n"
                    "        continue;\n"
                    "      }\n"
                    "      return -1;\n"
                    "    }\n"
                    "    off_%d += (size_t)w_%d;\n"
                    "  }\n") % ((k,) * 10)
        out.append(body)
        lines += body.count("\n")
        k += 1
    out.append("  return total;\n}\n")
    return "".join(out)


def gen_nested(target, depth=24):
    """Functions whose I/O sits at the bottom of DEPTH nested loops."""
    out = [PRELUDE]
    k, lines = 0, PRELUDE.count("\n")
    while lines < target:
        s = ["int nest_%d(int fd, char *buf, size_t len, int m) {\n  int got = 0;\n"
             "  set_nb(fd);\n" % k]
        ind = "  "
        for d in range(depth):
            kind = d % 3
            if kind == 0:
                s.append("%sfor (int i%d = 0; i%d < m; i%d++) {\n" % (ind, d, d, d))
            elif kind == 1:
                s.append("%sint j%d = 0;\n%swhile (j%d++ < m) {\n" % (ind, d, ind, d))
            else:
                s.append("%sint k%d = 0;\n%sdo {\n" % (ind, d, ind))
            ind += "  "
            s.append("%sif (got > m) break;\n" % ind)
        s.append("%sssize_t n = recv(fd, buf, len, 0);\n"
                 "%sif (n < 0) {\n"
                 "%s  if (errno == EAGAIN || errno == EWOULDBLOCK) {\n"
                 "%s    struct pollfd p = {fd, POLLIN, 0};\n"
                 "%s    (void)poll(&p, 1, -1);\n"
                 "%s    continue;\n"
                 "%s  }\n"
                 "%s  return -1;\n"
                 "%s}\n"
                 "%sgot += (int)n;\n" % ((ind,) * 10))
        for d in reversed(range(depth)):
            ind = ind[:-2]
            if d % 3 == 2:
                s.append("%s} while (k%d++ < m);\n" % (ind, d))
            else:
                s.append("%s}\n" % ind)
        s.append("  return got;\n}\n\n")
        body = "".join(s)
        out.append(body)
        lines += body.count("\n")
        k += 1
    return "".join(out)


def gen_fields(target):
    """A struct with many fd fields, all made non-blocking in one place, and
    handlers for each; plus fds in arrays and locals."""
    per = 14  # lines per field
    nf = max(4, (target - 40) // per)
    s = [PRELUDE, "struct conns {\n"]
    for i in range(nf):
        s.append("  int fd_%d;\n" % i)
    s.append("  int spare[%d];\n};\n\n" % nf)
    s.append("void conns_init(struct conns *c) {\n")
    for i in range(nf):
        s.append("  set_nb(c->fd_%d);\n" % i)
    s.append("}\n\n")
    for i in range(nf):
        s.append("int on_fd_%d(struct conns *c, char *buf, size_t len) {\n"
                 "  ssize_t n = recv(c->fd_%d, buf, len, 0);\n"
                 "  if (n < 0) {\n"
                 "    if (%s)\n"
                 "      return 0;\n"
                 "    close(c->fd_%d);\n"
                 "    return -1;\n"
                 "  }\n"
                 "  c->spare[%d] = (int)n;\n"
                 "  return (int)n;\n"
                 "}\n\n" % (i, i, "errno == EAGAIN" if i % 8 == 7 else
                              "errno == EAGAIN || errno == EWOULDBLOCK", i, i))
    return "".join(s)


# Hostile shapes (issue 14): each grows one dimension that a check once
# walked super-linearly, to sizes real code can reach.


def gen_comparisons(target):
    """One function: a read, then one `errno == EAGAIN` test a line."""
    head = (PRELUDE + "int many_cmp(int fd, char *buf, size_t len) {\n"
            "  int hits = 0;\n  set_nb(fd);\n  ssize_t n = read(fd, buf, len);\n"
            "  if (n < 0) {\n")
    k = max(1, target - head.count("\n") - 3)
    return head + "    if (errno == EAGAIN) hits++;\n" * k + "  }\n  return hits;\n}\n"


def gen_gotos(target):
    """One function: a read and a backward `goto` retry every four lines,
    with a wait before the goto in one retry of eight only (each other one
    is a busy-wait, for which the check looks for a wait; EAGAIN and
    EWOULDBLOCK are both tested: the row is about the gotos)."""
    out = [PRELUDE, "long many_gotos(int fd, char *buf, size_t len) {\n"
           "  ssize_t n;\n  long total = 0;\n  set_nb(fd);\n"]
    k, lines = 0, PRELUDE.count("\n") + 4
    while lines < target - 3:
        wait = "" if k % 8 != 7 else \
            "struct pollfd p_%d = {fd, POLLIN, 0}; (void)poll(&p_%d, 1, -1); " % (k, k)
        out.append("again_%d:\n  n = read(fd, buf, len);\n"
                   "  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) "
                   "{ %sgoto again_%d; }\n"
                   "  total += n;\n" % (k, wait, k))
        lines += 4
        k += 1
    out.append("\n" * max(0, target - lines - 2) + "  return total;\n}\n")
    return "".join(out)


def gen_macros(target):
    """A chain of function-like macros half as deep as the file is long,
    and loops in the other half (eight lines each), every loop's condition
    expanded through the whole chain: loops x depth grows as the square of
    the size unless a check's cost per node is independent of the depth."""
    depth = max(1, (target - PRELUDE.count("\n")) // 2)
    loops = max(1, (target - PRELUDE.count("\n") - depth) // 8)
    out = [PRELUDE, "#define NEST_0(x) (x)\n"]
    out += ["#define NEST_%d(x) NEST_%d(x)\n" % (d, d - 1) for d in range(1, depth + 1)]
    for j in range(loops):
        out.append("ssize_t spin_%d(int fd, char *buf, size_t len) {\n"
                   "  ssize_t n;\n  set_nb(fd);\n  do {\n    n = read(fd, buf, len);\n"
                   "  } while (NEST_%d(n < 0 && errno == EAGAIN));\n  return n;\n}\n"
                   % (j, depth))
    text = "".join(out)
    return text + "\n" * max(0, target - text.count("\n"))


def gen_conditions(target):
    """One `&&` chain a term a line, testing a read's failure."""
    head = (PRELUDE + "int long_cond(int fd, char *buf, size_t len, int k) {\n"
            "  set_nb(fd);\n  ssize_t n = read(fd, buf, len);\n  if (n < 0")
    k = max(1, target - head.count("\n") - 4)
    return head + "\n      && k" * k + ")\n    close(fd);\n  return (int)n;\n}\n"


def gen_deep(target):
    """An initialiser `0 + 1 + ... + 1`, a term a line, before a read whose
    EAGAIN is fatal: an expression as deep as the file is long."""
    head = (PRELUDE + "int deep_expr(int fd, char *buf) {\n  set_nb(fd);\n  int x = 0")
    k = max(1, target - head.count("\n") - 8)
    return (head + "\n    + 1" * k + ";\n  ssize_t n = read(fd, buf, (size_t)x);\n"
            "  if (n < 0) {\n    close(fd);\n    return -1;\n  }\n  return (int)n;\n}\n")


def gen_copies(target):
    """One function that copies a field of another connection into the
    same local and makes it non-blocking, two lines a connection, then
    reads one field: every event on the local is one on the field as well,
    through whichever copy the local holds there (the first version of
    that rule made an event per earlier copy: 18 s at 3k lines)."""
    out = [PRELUDE, "struct peer { int fd; };\n\n"
           "int many_copies(struct peer **ps, char *buf, size_t len) {\n"
           "  int fd;\n"]
    k, lines = 0, PRELUDE.count("\n") + 4
    while lines < target - 8:
        out.append("  fd = ps[%d]->fd;\n  set_nb(fd);\n" % k)
        lines += 2
        k += 1
    out.append("  ssize_t n = read(ps[0]->fd, buf, len);\n"
               "  if (n < 0) {\n    close(ps[0]->fd);\n    return -1;\n  }\n"
               "  return (int)n;\n}\n")
    return "".join(out)


SHAPES = [("functions", gen_functions), ("long", gen_long),
          ("nested", gen_nested), ("fields", gen_fields),
          ("comparisons", gen_comparisons), ("gotos", gen_gotos),
          ("macros", gen_macros), ("conditions", gen_conditions),
          ("deep", gen_deep), ("copies", gen_copies)]
HOSTILE = ("comparisons", "gotos", "macros", "conditions", "deep", "copies")
GEN_ARGS = ["-std=gnu11", "-w"]


def linfit(xs, ys):
    n = len(xs)
    if n < 2:
        return float("nan"), float("nan"), float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    slope = sxy / sxx if sxx else float("nan")
    icpt = my - slope * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - (icpt + slope * x)) ** 2 for x, y in zip(xs, ys))
    r2 = 1 - ss_res / ss_tot if ss_tot else float("nan")
    return slope, icpt, r2


def loglog_exponent(xs, ys):
    import math
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys) if x > 0 and y > 0]
    if len(pts) < 2:
        return float("nan")
    return linfit([p[0] for p in pts], [p[1] for p in pts])[0]


def bench_growth(tidy, sizes, reps, workdir, timeout, shapes=None):
    res = []
    for shape, gen in SHAPES:
        if shapes and shape not in shapes:
            continue
        slow = False
        for size in sizes:
            path = os.path.join(workdir, "%s_%d.c" % (shape, size))
            with open(path, "w") as f:
                f.write(gen(size))
            lines = sum(1 for _ in open(path))
            row = {"shape": shape, "target": size, "lines": lines}
            if slow:
                row["skipped"] = True
                res.append(row)
                continue
            # The profiled run first: it alone says whether the size is
            # affordable (a superlinear shape stops here).
            prof, pr = profile(tidy, "-*,nbio-*", path, compile_args=GEN_ARGS,
                               timeout=timeout)
            if pr["rc"] is None:
                row["timeout"] = timeout
                res.append(row)
                slow = True
                log("bench: growth %-9s %6d lines: nbio still running after %ds; "
                    "larger sizes skipped" % (shape, lines, timeout))
                continue
            if pr["rc"] not in (0, 1):
                # A crash (a signal, or the stack overflow of a deep walk):
                # no figure, and no larger size.
                row["crashed"] = pr["rc"]
                res.append(row)
                slow = True
                log("bench: growth %-9s %6d lines: clang-tidy exited %s; larger "
                    "sizes skipped" % (shape, lines, pr["rc"]))
                continue
            walls = {"baseline": [], "nbio": []}
            cpus = {"baseline": [], "nbio": []}
            # A slow file is not run again with nbio: its profiled run stands
            # for it (the repeats would only confirm a large figure).
            heavy = pr["wall"] > 60
            if heavy:
                walls["nbio"].append(pr["wall"])
                cpus["nbio"].append(pr["cpu"])
            for rep in range(reps):
                order = CONFIGS[:2] if rep % 2 == 0 else CONFIGS[1::-1]
                for name, checks in order:
                    if heavy and name == "nbio":
                        continue
                    r = run(tidy.cmd(checks, path, compile_args=GEN_ARGS), timeout)
                    walls[name].append(r["wall"])
                    cpus[name].append(r["cpu"])
            nbio_cpu = sum(v["cpu"] for k, v in prof.items() if k.startswith("nbio-"))
            findings = len(re.findall(r"warning: .*\[nbio-", pr["out"]))
            row.update({"baseline": median(walls["baseline"]), "nbio": median(walls["nbio"]),
                        "baseline_cpu": median(cpus["baseline"]),
                        "nbio_cpu": median(cpus["nbio"]),
                        "checks_cpu": nbio_cpu,
                        "per_check_cpu": {k: v["cpu"] for k, v in prof.items()},
                        "findings": findings, "rss_kb": pr["rss_kb"], "rc": pr["rc"]})
            res.append(row)
            log("bench: growth %-9s %6d lines: baseline %.2fs CPU, nbio %.2fs CPU, "
                "checks %.3fs CPU, %d findings" % (shape, lines, row["baseline_cpu"],
                                                   row["nbio_cpu"], nbio_cpu, findings))
            if pr["wall"] > timeout / 3:
                slow = True
                log("bench: growth %-9s: %.0fs at %d lines; larger sizes skipped"
                    % (shape, pr["wall"], lines))
    return res


# --------------------------------------------------------------------------
# part 3: clangd


CLANGD_BASE = re.compile(r"Baseline = (\d+) ns")
CLANGD_CHECK = re.compile(r"^\S+\s+(nbio-[\w.-]+) = (-?\d+)%$")


def bench_clangd(clangd, tus):
    """clangd's own figure: it builds each TU's AST without checks, then with
    each check alone, and prints the slowdown per check."""
    rows = []
    for t in tus:
        r = run([clangd, "--check=" + t["file"], "--compile-commands-dir=" + t["db"],
                 "--check-tidy-time=nbio-*", "--check-lines=1-1"], timeout=900)
        text = r["err"] + r["out"]
        base = CLANGD_BASE.search(text)
        per = {}
        for ln in text.splitlines():
            m = CLANGD_CHECK.match(ln.strip())
            if m:
                per[m.group(1)] = int(m.group(2))
        rows.append({"tu": "%s:%s" % (t["pkg"], t["rel"]), "rc": r["rc"],
                     "baseline_ms": int(base.group(1)) / 1e6 if base else None,
                     "checks_pct": per})
    return rows


# --------------------------------------------------------------------------
# report


def machine():
    cpu = "?"
    try:
        for ln in open("/proc/cpuinfo"):
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for ln in open("/proc/meminfo"):
            if ln.startswith("MemTotal"):
                mem = "%.0f GiB" % (int(ln.split()[1]) / 1048576)
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "mem": mem, "kernel": platform.release(),
            "host": platform.node()}


def pct(a, b):
    return 100.0 * (a - b) / b if b else float("nan")


def write_instructions(w, info, instr):
    """The section on instruction counts (cachegrind), before the CPU table."""
    w("## Dev-set TUs: instructions (deterministic)")
    w("")
    if not instr:
        w("Not measured: %s." % info.get("instructions_skipped",
                                          "no instruction counts in results.json"))
        w("")
        return
    w("Instructions executed (Ir, millions) by one run of clang-tidy under "
      "`valgrind --tool=cachegrind --cache-sim=no`, with the plugin stripped of "
      "its debug info (valgrind 3.19 cannot read clang-19's DWARF 5). Wall and "
      "CPU time of a 0.1-0.3 s run vary by several per cent between runs, too "
      "much for a 1.5% goal, so the goals are judged on this count, which does not "
      "vary. It counts all the work of a run, so a check's share includes "
      "everything it does (matching, end-of-TU analysis), unlike "
      "`--enable-check-profile`, which times only the checks' callbacks.")
    w("")
    names = ["parse"] + [c for c, _ in CONFIGS]
    w("| TU | lines | parse | baseline | nbio | peer | nbio Δ vs baseline | "
      "peer Δ vs baseline | nbio Δ vs parse |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    sums = {c: 0 for c in names}
    lines, worst, incomplete = 0, [], []
    for t in info["tus"]:
        key = "%s:%s" % (t["pkg"], t["rel"])
        d = instr.get(key) or {}
        if any(d.get(c) is None for c in names):
            incomplete.append(key)
            w("| `%s` | %d | %s |" % (key, t["lines"], " | ".join(
                "%.1f" % (d[c] / 1e6) if d.get(c) is not None else "failed"
                for c in names)) + " | | |")
            continue
        for c in names:
            sums[c] += d[c]
        lines += t["lines"]
        worst.append((pct(d["nbio"], d["baseline"]), key))
        w("| `%s` | %d | %.1f | %.1f | %.1f | %.1f | %+.2f%% | %+.2f%% | %+.2f%% |" % (
            key, t["lines"], d["parse"] / 1e6, d["baseline"] / 1e6, d["nbio"] / 1e6,
            d["peer"] / 1e6, pct(d["nbio"], d["baseline"]), pct(d["peer"], d["baseline"]),
            pct(d["nbio"], d["parse"])))
    if not worst:
        w("")
        w("No TU was measured in all four configurations.")
        w("")
        return
    w("| **all**%s | %d | %.1f | %.1f | %.1f | %.1f | %+.2f%% | %+.2f%% | %+.2f%% |" % (
        " (measured TUs)" if incomplete else "", lines, sums["parse"] / 1e6,
        sums["baseline"] / 1e6, sums["nbio"] / 1e6, sums["peer"] / 1e6,
        pct(sums["nbio"], sums["baseline"]), pct(sums["peer"], sums["baseline"]),
        pct(sums["nbio"], sums["parse"])))
    w("")
    tot = pct(sums["nbio"], sums["baseline"])
    worst.sort(reverse=True)
    w("Goals (judged on instructions, which do not vary run to run): the nbio "
      "checks add at most %g%% to the baseline in total — measured %.2f%%: %s; "
      "no TU over %g%% — worst %.2f%% (`%s`): %s. The peer stock check adds %.2f%%; "
      "the baseline adds %.2f%% to parsing alone." % (
          GOAL_TOTAL, tot, "met by %.2f points" % (GOAL_TOTAL - tot)
          if tot <= GOAL_TOTAL else "**missed by %.2f points**" % (tot - GOAL_TOTAL),
          GOAL_TU, worst[0][0], worst[0][1],
          "met" if worst[0][0] <= GOAL_TU else
          "**missed by %.2f points**" % (worst[0][0] - GOAL_TU),
          pct(sums["peer"], sums["baseline"]), pct(sums["baseline"], sums["parse"])))
    if incomplete:
        w("")
        w("**Not counted** (a run failed; see the log): %s." % ", ".join(
            "`%s`" % k for k in incomplete))
    w("")
    write_cfg_cost(w, instr)
    write_facts_cost(w, info, instr)


def write_cfg_cost(w, instr):
    """The CFG's share of the nbio checks' cost (callgrind, inside
    clang::CFG::buildCFG: nbio run minus baseline run)."""
    rows = [(k, v) for k, v in instr.items()
            if v.get("cfg_nbio") is not None and v.get("cfg_baseline") is not None
            and v.get("nbio") and v.get("baseline")]
    if not rows:
        return
    w("### The CFG's share")
    w("")
    w("Instructions (millions) inside `%s...)` (callgrind with collection on only "
      "there), nbio run minus baseline run: the CFGs the nbio checks build (the "
      "baseline builds CFGs too, for Sema's analysis-based warnings). Their "
      "indexing and the walks over them are not included." % CFG_BUILDER)
    w("")
    w("| TU | CFG, nbio − baseline | of the baseline | of the nbio checks' cost |")
    w("|---|---:|---:|---:|")
    tc = tb = tn = 0
    for k, v in rows:
        c = v["cfg_nbio"] - v["cfg_baseline"]
        cost = v["nbio"] - v["baseline"]
        tc += c
        tb += v["baseline"]
        tn += cost
        w("| `%s` | %.2f | %.2f%% | %s |" % (
            k, c / 1e6, 100.0 * c / v["baseline"],
            "%.0f%%" % (100.0 * c / cost) if cost > 0 else "-"))
    w("| **all** | %.2f | %.2f%% | %s |" % (
        tc / 1e6, 100.0 * tc / tb, "%.0f%%" % (100.0 * tc / tn) if tn > 0 else "-"))
    w("")


def write_facts_cost(w, info, instr):
    """Project-wide facts: the summary pass, the checks with facts, the merge."""
    rows = []
    for t in info["tus"]:
        key = "%s:%s" % (t["pkg"], t["rel"])
        d = instr.get(key) or {}
        if all(d.get(c) for c in ("baseline", "nbio", "export")):
            rows.append((key, d))
    if not rows:
        return
    w("## Project-wide facts: cost (instructions)")
    w("")
    w("`export`: the nbio checks with `FactsExportDir` (the summary pass, "
      "`run-clang-tidy` with the option); `facts`: the nbio checks reading the "
      "package's merged facts (`FactsFile`, from `scripts/eval.py --facts`; "
      "`-` where the package has none).")
    w("")
    w("| TU | baseline | nbio | export | export Δ vs nbio | facts | facts Δ vs baseline |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    sums = {"baseline": 0, "nbio": 0, "export": 0, "fb": 0, "facts": 0}
    worst = []
    for key, d in rows:
        sums["baseline"] += d["baseline"]
        sums["nbio"] += d["nbio"]
        sums["export"] += d["export"]
        f = d.get("facts")
        if f:
            sums["fb"] += d["baseline"]
            sums["facts"] += f
            worst.append((pct(f, d["baseline"]), key))
        w("| `%s` | %.1f | %.1f | %.1f | %+.2f%% | %s | %s |" % (
            key, d["baseline"] / 1e6, d["nbio"] / 1e6, d["export"] / 1e6,
            pct(d["export"], d["nbio"]), "%.1f" % (f / 1e6) if f else "-",
            "%+.2f%%" % pct(f, d["baseline"]) if f else "-"))
    w("| **all** | %.1f | %.1f | %.1f | %+.2f%% | %s | %s |" % (
        sums["baseline"] / 1e6, sums["nbio"] / 1e6, sums["export"] / 1e6,
        pct(sums["export"], sums["nbio"]),
        "%.1f" % (sums["facts"] / 1e6) if sums["facts"] else "-",
        "%+.2f%%" % pct(sums["facts"], sums["fb"]) if sums["facts"] else "-"))
    w("")
    merge = info.get("merge") or {}
    if merge:
        w("`nbio-facts merge` over each package's summaries (wall): " + ", ".join(
            "%s %d TUs %s" % (pkg, m["tus"], "%.3f s" % m["seconds"]
                              if m["seconds"] is not None else "failed")
            for pkg, m in sorted(merge.items())) + ".")
        w("")
    if worst:
        tot = pct(sums["facts"], sums["fb"])
        worst.sort(reverse=True)
        big = max(merge.items(), key=lambda kv: kv[1]["tus"]) if merge else None
        w("Goals: the summary pass costs at most one nbio run (measured %+.2f%% "
          "over the nbio run); the checks with facts stay within the benchmark "
          "goal (at most %g%% over the baseline in total — measured %.2f%%: %s; no TU "
          "over %g%% — worst %.2f%% (`%s`): %s)%s." % (
              pct(sums["export"], sums["nbio"]), GOAL_TOTAL, tot,
              "met" if tot <= GOAL_TOTAL else
              "**missed by %.2f points**" % (tot - GOAL_TOTAL),
              GOAL_TU, worst[0][0], worst[0][1],
              "met" if worst[0][0] <= GOAL_TU else
              "**missed by %.2f points**" % (worst[0][0] - GOAL_TU),
              "; the merge of the largest package (%s, %d TUs) takes %.3f s: %s" % (
                  big[0], big[1]["tus"], big[1]["seconds"] or 0,
                  "met" if (big[1]["seconds"] or 99) < 1 else "**missed**")
              if big else ""))
        w("")


def write_results(info, dev, prof, instr, growth, clangd, path):
    L = []
    w = L.append
    w("# nbio benchmark")
    w("")
    w("Generated by `scripts/bench.py` (`make bench`); rerun to refresh.")
    w("")
    m = info["machine"]
    loaded = max(info["load_before"][0], info["load_after"][0]) > 0.5 * m["cores"]
    w("- date: %s" % info["date"])
    w("- machine: %s, %d cores, %s RAM, Linux %s" % (m["cpu"], m["cores"], m["mem"], m["kernel"]))
    w("- load average (1, 5, 15 min) before / after: %s / %s" % (
        " ".join("%.1f" % x for x in info["load_before"]),
        " ".join("%.1f" % x for x in info["load_after"])))
    if loaded:
        w("- **the machine was shared with other jobs during the run**: wall times "
          "include waiting for a core and are noisy, so the figures below use CPU "
          "time (user + system), which waiting does not inflate; wall times are in "
          "bench/results.json; the instruction counts do not depend on the load")
    w("- clang-tidy: `%s` (%s)" % (info["clang_tidy"], info["version"]))
    w("- plugin: `%s` (sha256 %s...)" % (info["plugin"], info["plugin_sha"][:12]))
    w("- rounds: %d, interleaved (the order of the three configurations rotates)" % info["reps"])
    w("- command: `%s`" % info["command"])
    w("")
    w("Configurations (all load the plugin):")
    w("")
    for name, checks in CONFIGS:
        w("- %s: `clang-tidy-%s --load=PLUGIN -checks='%s' -p DB FILE`" % (
            name, info["llvm"], checks))
    w("- %s (instruction counts only): `-checks='%s'`, a C++-only check, so on "
      "these C files no check runs and clang-tidy skips the AST traversal: "
      "parsing alone" % PARSE)
    w("")
    w("The baseline check, `cert-flp30-c`, runs on C and matches only for-loops "
      "with a floating-point step: the baseline pays the AST traversal every "
      "check pays and almost nothing else.")
    w("")
    if info.get("tus"):
        write_instructions(w, info, instr)
    if dev:
        w("## Dev-set TUs: CPU time")
        w("")
        w("CPU seconds (user + system), medians of %d rounds. *run Δ* = (config − "
          "baseline) / baseline, measured from outside; *checks* = the checks' own "
          "CPU time from `--enable-check-profile`, as a share of the baseline run: "
          "less noisy than *run Δ*, but still a time, and only of the checks' "
          "callbacks." % info["reps"])
        w("")
        w("| TU | lines | baseline | nbio | peer | nbio run Δ | peer run Δ | "
          "nbio checks | peer check | peak RSS base / nbio / peer MB |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        sums = {c: 0.0 for c, _ in CONFIGS}
        prof_sum = {"nbio": 0.0, "peer": 0.0}
        worst = []
        for t in info["tus"]:
            key = "%s:%s" % (t["pkg"], t["rel"])
            d = dev[key]
            med = {c: median([x["cpu"] for x in d[c]]) for c, _ in CONFIGS}
            rss = {c: max(x["rss_kb"] for x in d[c]) / 1024 for c, _ in CONFIGS}
            p = prof.get(key, {})
            nb = sum(v["cpu"] for k, v in p.items() if k.startswith("nbio-"))
            pe = p.get("bugprone-unused-return-value", {}).get("cpu", 0.0)
            for c, _ in CONFIGS:
                sums[c] += med[c]
            prof_sum["nbio"] += nb
            prof_sum["peer"] += pe
            worst.append((100.0 * nb / med["baseline"], key))
            w("| `%s` | %d | %.2f | %.2f | %.2f | %+.1f%% | %+.1f%% | %.1f%% | %.1f%% | "
              "%.0f / %.0f / %.0f |" % (
                  key, t["lines"], med["baseline"], med["nbio"], med["peer"],
                  pct(med["nbio"], med["baseline"]), pct(med["peer"], med["baseline"]),
                  100.0 * nb / med["baseline"], 100.0 * pe / med["baseline"],
                  rss["baseline"], rss["nbio"], rss["peer"]))
        w("| **all** | | %.2f | %.2f | %.2f | %+.1f%% | %+.1f%% | %.1f%% | %.1f%% | |" % (
            sums["baseline"], sums["nbio"], sums["peer"], pct(sums["nbio"], sums["baseline"]),
            pct(sums["peer"], sums["baseline"]), 100.0 * prof_sum["nbio"] / sums["baseline"],
            100.0 * prof_sum["peer"] / sums["baseline"]))
        w("")
        tot = 100.0 * prof_sum["nbio"] / sums["baseline"]
        worst.sort(reverse=True)
        w("CPU time, noisy: the nbio checks' own time (`--enable-check-profile`) "
          "is %.1f%% of the baseline in total (goal %g%%): %s; worst TU %.1f%% "
          "(`%s`, goal %g%%): %s. The peer stock check costs %.1f%% on the same TUs. "
          "The goals are judged on the instruction counts above." % (
              tot, GOAL_TOTAL, "met" if tot <= GOAL_TOTAL else
              "**missed by %.1f points**" % (tot - GOAL_TOTAL),
              worst[0][0], worst[0][1], GOAL_TU,
              "met" if worst[0][0] <= GOAL_TU else
              "**missed by %.1f points**" % (worst[0][0] - GOAL_TU),
              100.0 * prof_sum["peer"] / sums["baseline"]))
        w("")
        w("### Per check (`--enable-check-profile`, CPU, summed over the TUs)")
        w("")
        w("| check | CPU s | share of baseline |")
        w("|---|---:|---:|")
        per = {}
        for p in prof.values():
            for k, v in p.items():
                per[k] = per.get(k, 0.0) + v["cpu"]
        for k in sorted(per, key=lambda k: -per[k]):
            w("| %s | %.3f | %.2f%% |" % (k, per[k], 100.0 * per[k] / sums["baseline"]))
        w("")
    if growth:
        w("## Growth with TU size")
        w("")
        if info.get("growth_from"):
            w("*Measured in the previous run (%s) with the same plugin; this run "
              "skipped it (`--no-growth`).*" % info["growth_from"])
            w("")
        w("Generated C files (shapes: *functions* = many small handlers; *long* = one "
          "function that grows; *nested* = I/O under 24 nested loops, many functions; "
          "*fields* = one struct with many fd fields and a handler each; and the "
          "hostile shapes of issue 14, each growing one dimension a line at a time: "
          "*comparisons* = one function testing `errno == EAGAIN` on every line; "
          "*gotos* = one function with a backward `goto` retry every four lines, "
          "seven in eight without a wait; "
          "*macros* = a chain of function-like macros half as deep as the file, "
          "through which the condition of a loop every eight lines of the other "
          "half expands; *conditions* = one `&&` chain a term a "
          "line; *deep* = one expression a term a line; *copies* = one "
          "function copying a field of another connection into the same local "
          "and making it non-blocking, two lines a connection). CPU "
          "seconds, medians of %d rounds; *checks* = the nbio checks' own CPU time "
          "(profile). A shape stops growing once one file needs more than a third "
          "of the time limit (%ds), or crashes." % (info["growth_reps"], info["growth_timeout"]))
        w("")
        w("| shape | lines | baseline | nbio | checks | checks µs/line | "
          "slowest check | findings | peak RSS MB |")
        w("|---|---:|---:|---:|---:|---:|---|---:|---:|")
        for r in growth:
            if r.get("skipped") or r.get("timeout") or r.get("crashed") is not None:
                w("| %s | %d | | | %s | | | | |" % (
                    r["shape"], r["lines"],
                    "> %ds (wall)" % r["timeout"] if r.get("timeout") else
                    "**crashed** (exit %s)" % r["crashed"] if r.get("crashed") is not None
                    else "skipped"))
                continue
            pc = r["per_check_cpu"]
            top = max(pc, key=pc.get) if pc else "-"
            w("| %s | %d | %.2f | %.2f | %.3f | %.1f | %s %.3f | %d | %.0f |" % (
                r["shape"], r["lines"], r["baseline_cpu"], r["nbio_cpu"], r["checks_cpu"],
                1e6 * r["checks_cpu"] / r["lines"], top, pc.get(top, 0.0), r["findings"],
                r["rss_kb"] / 1024))
        w("")
        w("| shape | fit: checks CPU s = a + b·lines | R² | log-log exponent (1 = linear, 2 = quadratic) | verdict |")
        w("|---|---|---:|---:|---|")
        for shape, _ in SHAPES:
            rows = [r for r in growth if r["shape"] == shape and "checks_cpu" in r]
            if len(rows) < 2:
                continue
            xs = [r["lines"] for r in rows]
            ys = [r["checks_cpu"] for r in rows]
            b, a, r2 = linfit(xs, ys)
            big = [(x, y) for x, y in zip(xs, ys) if x >= 3000]
            e = loglog_exponent([x for x, _ in big], [y for _, y in big])
            cut = any(r["shape"] == shape and (r.get("skipped") or r.get("timeout") or
                                               r.get("crashed") is not None)
                      for r in growth)
            crashed = any(r["shape"] == shape and r.get("crashed") is not None
                          for r in growth)
            if crashed:
                verdict = "**crashed**"
            elif e != e:
                verdict = "-"
            elif e < 1.2 and not cut:
                verdict = "linear"
            else:
                verdict = "**superlinear**"
            w("| %s | %.4f + %.3f µs × lines | %.3f | %.2f | %s |" % (
                shape, a, 1e6 * b, r2, e, verdict))
        w("")
        w("The exponent is fitted on the sizes from 3k lines up (below that the "
          "fixed cost dominates).")
        w("")
    w("## clangd")
    w("")
    if clangd is None:
        w("Not measured: `build/llvm-%s/bin/nbio-clangd-%s` was not built "
          "(configure with `-DNBIO_BUILD_BINARIES=ON`, then rerun)." % (info["llvm"], info["llvm"]))
    else:
        w("`%s --check=FILE --check-tidy-time='nbio-*'`: clangd's AST "
          "build of the main file without checks (baseline), and its slowdown with "
          "each check alone (clangd calls a check fast under 10%%). Wall-clock "
          "figures from clangd itself, one run per TU: noisy on a loaded machine."
          % (os.path.relpath(info["clangd"], ROOT) if info["clangd"].startswith(ROOT + "/")
             else info["clangd"]))
        w("")
        names = sorted({k for r in clangd for k in r["checks_pct"]})
        w("| TU | baseline ms | " + " | ".join(names) + " |")
        w("|---|---:|" + "---:|" * len(names))
        for r in clangd:
            w("| `%s` | %s | %s |" % (
                r["tu"], "%.0f" % r["baseline_ms"] if r["baseline_ms"] else "rc %s" % r["rc"],
                " | ".join("%+d%%" % r["checks_pct"][k] if k in r["checks_pct"] else "-"
                           for k in names)))
    w("")
    w("## Reproduce")
    w("")
    w("```sh")
    w("python3 scripts/eval.py --prepare-only   # the dev-set compile databases")
    w(info["command"])
    w("```")
    w("")
    w("The instruction counts need valgrind (and strip, from binutils): "
      "`apt-get install valgrind binutils`, which `scripts/setup.sh` does; "
      "without them that part is skipped. `--no-instructions` skips it too.")
    open(path, "w").write("\n".join(L) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--llvm", type=int, default=int(os.environ.get("NBIO_LLVM_MAJOR", 19)))
    ap.add_argument("--plugin", help="default: build/llvm-N/lib/nbio-tidy-N.so")
    ap.add_argument("--clang-tidy", help="default: clang-tidy-N")
    ap.add_argument("--clangd", help="default: build/llvm-N/bin/nbio-clangd-N if built")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--growth-reps", type=int, default=3)
    ap.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    ap.add_argument("--growth-timeout", type=int, default=900,
                    help="seconds for one generated TU; a shape that needs more stops growing")
    ap.add_argument("--packages", help="only TUs of these packages (comma-separated)")
    ap.add_argument("--no-dev", action="store_true", help="skip the dev-set TUs")
    ap.add_argument("--no-growth", action="store_true", help="skip the generated TUs")
    ap.add_argument("--shapes", help="only these growth shapes (comma-separated): %s"
                    % ",".join(name for name, _ in SHAPES))
    ap.add_argument("--no-instructions", action="store_true",
                    help="skip the instruction counts (cachegrind) of the dev-set TUs")
    ap.add_argument("--no-prepare", action="store_true",
                    help="do not run eval.py --prepare-only for missing compile databases")
    ap.add_argument("--quick", action="store_true", help="2 rounds, sizes up to 10k")
    ap.add_argument("--out", default=os.path.join(BENCH, "RESULTS.md"))
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite RESULTS.md from results.json")
    opts = ap.parse_args()
    json_out = os.path.splitext(opts.out)[0].replace("RESULTS", "results") + ".json"
    if opts.report_only:
        d = json.load(open(json_out))
        write_results(d["info"], d["dev"], d["profile"], d.get("instructions"),
                      d["growth"], d["clangd"], opts.out)
        log("bench: wrote %s" % opts.out)
        return 0
    if opts.quick:
        opts.reps, opts.growth_reps = 2, 1
        opts.sizes = "1000,3000,10000"
    n = opts.llvm
    plugin = os.path.abspath(opts.plugin or os.path.join(
        ROOT, "build", "llvm-%d" % n, "lib", "nbio-tidy-%d.so" % n))
    tidy_bin = opts.clang_tidy or shutil.which("clang-tidy-%d" % n) or \
        "/usr/lib/llvm-%d/bin/clang-tidy" % n
    if not os.path.exists(plugin):
        log("bench: no plugin at %s; build it or pass --plugin" % plugin)
        return 2
    # A private copy: another build may replace the plugin while we measure.
    work = tempfile.mkdtemp(prefix="nbio-bench-")
    frozen = os.path.join(work, os.path.basename(plugin))
    shutil.copy2(plugin, frozen)
    tidy = Tidy(tidy_bin, frozen)
    version = subprocess.run([tidy_bin, "--version"], capture_output=True, text=True).stdout
    version = " ".join(version.split())
    info = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine(), "load_before": os.getloadavg(), "llvm": n,
            "clang_tidy": tidy_bin, "version": version,
            "plugin": os.path.relpath(plugin, ROOT) if plugin.startswith(ROOT) else plugin,
            "plugin_sha": nbio_eval.sha256(plugin), "reps": opts.reps, "growth_reps": opts.growth_reps,
            "growth_timeout": opts.growth_timeout,
            "command": "python3 scripts/bench.py " + " ".join(
                shlex.quote(a) for a in sys.argv[1:])}
    only = set(opts.packages.split(",")) if opts.packages else None
    if not opts.no_dev and not opts.no_prepare:
        prepare(only, n)
    tus = [] if opts.no_dev else dev_tus(only)
    info["tus"] = [{k: t[k] for k in ("pkg", "rel", "lines")} for t in tus]
    dev, prof = {}, {}
    if tus:
        log("bench: %d dev-set TUs x 3 configurations x %d rounds" % (len(tus), opts.reps))
        data, prof = bench_dev(tidy, tus, opts.reps)
        dev = {"%s:%s" % k: v for k, v in data.items()}
    instr = None
    if tus and opts.no_instructions:
        info["instructions_skipped"] = "`--no-instructions`"
    elif tus:
        stripped, why = instr_plugin(frozen, work)
        if stripped:
            instr = bench_instructions(Tidy(tidy_bin, stripped), tus, work)
            info["merge"] = bench_merge(sorted({t["pkg"] for t in tus}))
        else:
            info["instructions_skipped"] = why
            log("bench: instruction counts skipped: %s" % why)
    growth = []
    if not opts.no_growth:
        sizes = [int(s) for s in opts.sizes.split(",") if s]
        shapes = set(opts.shapes.split(",")) if opts.shapes else None
        unknown = (shapes or set()) - {name for name, _ in SHAPES}
        if unknown:
            log("bench: unknown shapes: %s" % ", ".join(sorted(unknown)))
            return 2
        growth = bench_growth(tidy, sizes, opts.growth_reps, work, opts.growth_timeout,
                              shapes)
    clangd_bin = opts.clangd or os.path.join(ROOT, "build", "llvm-%d" % n, "bin",
                                             "nbio-clangd-%d" % n)
    clangd = bench_clangd(clangd_bin, tus) if os.path.exists(clangd_bin) and tus else None
    info["clangd"] = clangd_bin if clangd is not None else None
    # A part skipped this time keeps the previous run's figures, marked so.
    if (opts.no_growth or opts.no_dev) and os.path.exists(json_out):
        prev = json.load(open(json_out))
        if opts.no_growth and not growth and prev.get("growth") and \
                prev["info"].get("plugin_sha") == info["plugin_sha"]:
            growth = prev["growth"]
            info["growth_from"] = prev["info"]["date"]
            info["growth_reps"] = prev["info"].get("growth_reps", 0)
            info["growth_timeout"] = prev["info"].get("growth_timeout", 0)
    info["load_after"] = os.getloadavg()
    os.makedirs(os.path.dirname(os.path.abspath(opts.out)), exist_ok=True)
    write_results(info, dev, prof, instr, growth, clangd, opts.out)
    with open(json_out, "w") as f:
        json.dump({"info": info, "dev": dev, "profile": prof, "instructions": instr,
                   "growth": growth, "clangd": clangd}, f, indent=1)
    shutil.rmtree(work, ignore_errors=True)
    log("bench: wrote %s" % opts.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
