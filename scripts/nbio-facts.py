#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Merge the nbio checks' per-file summaries into one project facts file.

Each translation unit that clang-tidy analyses with the nbio checks and the
option FactsExportDir set writes a summary of its externally visible
functions into that directory: which descriptor parameters they make
non-blocking or blocking, which they leave alone, which are thin I/O
wrappers, which of those the file stores in struct fields (a backend's
table of function pointers), which struct fields it gives a non-blocking
descriptor, and what each of its calls passes to a descriptor parameter
of a visible function.  `merge` joins them into one file and closes two
facts over the calls between files: a function keeps a parameter's mode if
every other file's function it passes it to does, and a parameter is
non-blocking if every call in the project passes a non-blocking
descriptor there, or a parameter of its caller that is one (least
fixpoints both, so a cycle with no other evidence stays unknown).  Put the result next to
compile_commands.json as nbio-facts.json, where the checks find it:

    run-clang-tidy -p build -checks='-*,nbio-*' -quiet \\
        -config="{CheckOptions: {FactsExportDir: $PWD/build/nbio-facts}}" >/dev/null
    nbio-facts.py merge build/nbio-facts -o build/nbio-facts.json
    run-clang-tidy -p build -checks='-*,nbio-*'

Merging is cheap and deterministic (the same inputs give the same bytes);
re-summarising a changed file and merging again is all an update takes.
"""

import argparse
import json
import os
import re
import sys

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

FACTS_VERSION = 1


def summaries(paths):
    """Every per-file summary under the given files and directories."""
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith(".json"):
                    yield os.path.join(p, name)
        else:
            yield p


def names(d, key):
    """A list of names of a summary: a JSON list, or one string with an
    entry a line (as the merge writes its own)."""
    v = d.get(key, [])
    return v.splitlines() if isinstance(v, str) else v


def lines(items):
    """A list of names as the merged file gives it: one string, an entry a
    line, sorted. The checks' JSON reader builds a value for each element
    of an array, in every TU; a project's lists run to hundreds of entries
    (libuv's waits: 471), and one string is read at a fraction of the cost
    (the C++ reader takes both forms)."""
    return "\n".join(sorted(items))


def function_of(param):
    """'name' of a 'name:arg' entry (a C++ name keeps its '::')."""
    return param.rsplit(":", 1)[0]


def entry_key(item):
    """'name:fd' of an entry ('name:fd:flag:value' included)."""
    parts = item.split(":")
    return ":".join(parts[:2])


# How deep the merge follows a struct from function to function, as
# NonBlockingFdAnalysis's MaxObjectDepth: real set-up chains are two or three
# calls long; past that (or around a cycle) the part handed on is unknown.
MAX_OBJECT_DEPTH = 4


# Lists of functions whose own body reads SO_ERROR or sets a socket
# timeout, in the order the facts file writes them. Two programs of one
# project may define functions of the same name: such a name is merged as
# in merge()'s comment.
NAMESAKE_LISTS = ("so_error_readers", "rcvtimeo_setters", "sndtimeo_setters")

# The C library's calls whose descriptors the checks trust by kind (an
# eventfd's counter, a pipe's atomic small writes) even where the program
# declares the call itself instead of including its header (libev declares
# eventfd()): trusted only if no file of the project defines the name, a
# shim over something else. The merge lists the ones some file defines.
LIBRARY_NAMES = frozenset({"eventfd", "pipe", "pipe2"})


# The C library's calls that only clear or release the memory they are
# given: a summary hands an object to them, and nothing of a descriptor is
# stored there (clearsOrReleases in checks/ObjectFdStores.cpp).
CLEARS_OR_RELEASES = frozenset({"memset", "bzero", "explicit_bzero",
                                "memset_s", "free", "freezero", "cfree"})


def object_structs(object_params, descriptor_fields, called,
                   global_objects=None):
    """What each function some file calls without its body does to a struct
    it is given: the stores into the project's descriptor fields (those
    some file stores a descriptor in, makes non-blocking, or a wrapper
    reads) and the parts it lets out of sight, with what the functions it
    hands the struct to do
    folded in (their paths joined, their parameters mapped through the
    call's arguments). A file takes a function the facts do not name for
    one that does none of that; the rest of what the summaries say (every
    setter of a counter) no file asks about.  The same for what each file
    does to a variable's object (global_objects: variable -> main file ->
    entry), every file's entry kept (an empty one says "nothing")."""
    own = {}
    extra = {}
    object_params = dict(object_params)
    for g, by_file in (global_objects or {}).items():
        for f, e in by_file.items():
            # No function's key has a space: these are never a callee.
            extra[(g, f)] = "%s in %s" % (g, f)
            object_params[extra[(g, f)]] = e
    for k, e in object_params.items():
        store_fields = e.get("store_fields", {})
        stores = set()
        for t in e.get("stores", []):
            path, _, src = t.rpartition("=")
            # A store whose field a summary does not name stays.
            if store_fields.get(path, "*") in descriptor_fields | {"*"}:
                stores.add((path, int(src)))
        # Every escape stays: a part's address reaches the whole object.
        own[k] = (stores, set(e.get("escapes", [])), e.get("handoffs", []))

    def join(prefix, rest):
        return rest if not prefix else prefix if not rest else \
            prefix + "." + rest

    # By entry and depth: an entry folded in deep down is cut short at
    # MAX_OBJECT_DEPTH (its deepest parts taken for escapes), which says
    # nothing of the same entry summarised from the top. (A cut made at a
    # cycle is kept for every path at that depth: more escapes, never
    # fewer.)
    memo = {}

    def flat(k, stack):
        if (k, len(stack)) in memo:
            return memo[(k, len(stack))]
        stores, escapes, handoffs = own[k]
        stores, escapes = set(stores), set(escapes)
        for h in handoffs:
            callee = "%s:%d" % (h.get("callee", ""), h.get("arg", 0))
            path = h.get("path", "")
            if callee not in own:
                # The C library's clearing and freeing calls store no
                # descriptor (ObjectFdStores.cpp, clearsOrReleases); any
                # other function no file summarised (its file not in the
                # build): nothing is known of what it does with the part.
                if h.get("callee", "") not in CLEARS_OR_RELEASES:
                    escapes.add(path)
                continue
            if len(stack) >= MAX_OBJECT_DEPTH or callee in stack:
                escapes.add(path)
                continue
            args = h.get("args", [])
            sub_stores, sub_escapes = flat(callee, stack + [callee])
            for p, src in sub_stores:
                if src >= 0:
                    src = args[src] if src < len(args) else -2
                stores.add((join(path, p), src))
            escapes.update(join(path, p) for p in sub_escapes)
        memo[(k, len(stack))] = (stores, escapes)
        return stores, escapes

    def entry_of(k, stack):
        """k's entry, callees folded in: {} when it does neither."""
        stores, escapes = flat(k, stack)
        entry = {}
        if stores:
            entry["stores"] = sorted("%s=%d" % s for s in stores)
        if escapes:
            entry["escapes"] = sorted(escapes)
        return entry

    globals_out = {}
    for (g, f), k in sorted(extra.items()):
        # A variable is no call: its callees start the depth count.
        globals_out.setdefault(g, {})[f] = entry_of(k, [])
    out, summarised = {}, []
    variables = set(extra.values())
    for k in sorted(own):
        if k in variables or \
                (called is not None and function_of(k) not in called):
            continue
        summarised.append(k)
        entry = entry_of(k, [k])
        if entry:
            out[k] = entry
    return out, summarised, globals_out


def reached_params(sites):
    """The parameters every call in the project gives a non-blocking
    descriptor: directly, or through a caller's own parameter that is one
    of them (a least fixpoint: a cycle with no call that makes the
    descriptor non-blocking stays out).  Each with where the first call (in
    file order) passes it and where that descriptor became non-blocking,
    and whether every call passes a datagram socket ("datagram", only
    when true)."""
    reached = {}
    changed = True
    while changed:
        changed = False
        for param in sorted(sites):
            if param in reached:
                continue
            origins = []
            datagram = True
            for at, mode, source, dgram in sorted(sites[param]):
                if mode == "nonblocking":
                    origins.append({"made": source, "passed": at})
                    datagram = datagram and dgram
                elif mode == "forwarded" and source in reached:
                    origins.append({"made": reached[source]["made"],
                                    "passed": at})
                    datagram = datagram and \
                        reached[source].get("datagram", False)
                else:
                    break
            else:
                reached[param] = dict(origins[0])
                if datagram:
                    reached[param]["datagram"] = True
                changed = True
    return {k: reached[k] for k in sorted(reached)}


def least_fixpoint(needs_by_fn, holds, excluded=()):
    """The functions each of whose summaries' needs hold, found from the
    ones that need nothing (a cycle of needs proves nothing). holds(need,
    found) says whether one need holds, given the functions found so far;
    excluded functions are never found."""
    found = set()
    changed = True
    while changed:
        changed = False
        for fn, need_sets in sorted(needs_by_fn.items()):
            if fn in found or fn in excluded:
                continue
            if all(holds(n, found) for needs in need_sets for n in needs):
                found.add(fn)
                changed = True
    return found


def need_holds(need, found, keeps=()):
    """One need of a summary: "returns:F" and "nonsocket:F", F is among
    the functions found; "keeps:F:N", F keeps its parameter N's mode."""
    kind, _, rest = need.partition(":")
    if kind in ("returns", "nonsocket"):
        return rest in found
    if kind == "keeps":
        return rest in keeps
    return False


def resolve_blocking(returns_if, field_uses, keeps, nonblocking_returns,
                     nonblocking_fields, param_sites=None, address_taken=()):
    """The functions that return a blocking descriptor, the parameters
    every call gives one, and the fields that hold only blocking ones, in
    every file: those whose summaries' needs hold ("returns:F", F returns a
    blocking descriptor; "param:F:N", every call gives F's parameter N one;
    "keeps:F:N", F keeps its parameter N's mode), found from the ones that
    need nothing (a cycle of needs proves nothing). A parameter needs every
    call site in the project to pass a blocking descriptor (or -1), and a
    function whose address some file takes has callers no file sees. A
    field must be given a descriptor by some file, be used so by every
    file that uses it, and be made non-blocking by none."""
    # One fixpoint over both kinds, keyed by the needs' own spelling.
    needs_by = {"returns:" + fn: sets for fn, sets in returns_if.items()}
    excluded = {"returns:" + fn for fn in nonblocking_returns}
    for param, by_site in (param_sites or {}).items():
        fn = param.rpartition(":")[0]
        key = "param:" + param
        if fn in address_taken or \
                not all(blocking for blocking, _ in by_site.values()):
            excluded.add(key)
            continue
        needs_by[key] = [needs for _, needs in by_site.values()]

    def holds(need, found):
        kind = need.partition(":")[0]
        if kind in ("returns", "param"):
            return need in found
        return need_holds(need, found, keeps)

    found = least_fixpoint(needs_by, holds, excluded)
    fields = sorted(
        k for k, uses in field_uses.items()
        if k not in nonblocking_fields
        and any(u.get("created") for u in uses)
        and all(u.get("blocking") and
                all(holds(n, found) for n in u.get("needs", []))
                for u in uses))
    returns = sorted(k[len("returns:"):] for k in found
                     if k.startswith("returns:"))
    params = sorted(k[len("param:"):] for k in found if k.startswith("param:"))
    return returns, fields, params


def resolve_nonsocket(returns_if, field_uses):
    """The functions that return only descriptors that are never sockets
    (a pipe's end, a file opened by path, an eventfd...) and the fields
    that hold only such ones, in every file: those whose summaries' needs
    hold ("nonsocket:F", F returns only such descriptors too), found as
    resolve_blocking finds its own. A field must be given a descriptor by
    some file and be used so by every file that uses it."""
    found = least_fixpoint(returns_if, need_holds)
    fields = sorted(
        k for k, uses in field_uses.items()
        if any(u.get("stores") for u in uses)
        and all(u.get("nonsocket") and
                all(need_holds(n, found)
                    for n in u.get("nonsocket_needs", []))
                for u in uses))
    return sorted(found), fields


ESCAPED_SESSION = "<escaped>"


def resolve_sessions(session_uses, blocking_fields, nonblocking_sessions):
    """The session fields (TLS sessions held in a struct field) that every
    file binding one binds to blocking transports only, on the descriptor
    fields each needs to hold blocking descriptors in every file; none that
    some file binds to a non-blocking descriptor. A session that leaves a
    file's sight other than in a field ("<escaped>": returned, aliased,
    bound on a parameter, stored through a pointer) may end up in any
    field: unless each such is blocking too, none."""
    def blocking(uses):
        return all(u.get("blocking") and
                   set(u.get("needs", [])) <= blocking_fields for u in uses)
    if not blocking(session_uses.get(ESCAPED_SESSION, [])):
        return []
    return sorted(
        k for k, uses in session_uses.items()
        if k != ESCAPED_SESSION and k not in nonblocking_sessions
        and blocking(uses))


def resolve_datagram(field_uses):
    """The fields that hold only datagram sockets in every file: some
    file stores one there, and every file that uses the field stores
    nothing else (-1 aside) and lets none escape."""
    return sorted(
        k for k, uses in field_uses.items()
        if any(u.get("datagram_stores") for u in uses)
        and all(u.get("datagram") for u in uses))


def wrapper_through(entry, wrappers):
    """The thin I/O wrapper that entry (a summary's "io_wrappers_if" or a
    field target's "wrapper_if") is, given the wrappers known so far: its
    call's callee must be one, and the argument in the callee's descriptor
    place one of the function's integer parameters (or a field of the
    struct a parameter points to: one level, as the checks take it), one
    the summary checked the failure path for ("fds"). The buffer and
    length follow when they are parameters too; the count comes back if the
    callee returns it and the function returns the call's value."""
    via = wrappers.get(entry.get("via", ""))
    if via is None:
        return None
    params = entry.get("params", [])
    fields = entry.get("fields", [])

    def param(i):
        ok = 0 <= i < len(params) and params[i] >= 0 and \
            not (fields[i] if i < len(fields) else "")
        return params[i] if ok else -1

    fd = via.get("fd", -1)
    if fd not in entry.get("fds", []) or not 0 <= fd < len(params) or \
            params[fd] < 0:
        return None
    field = fields[fd] if fd < len(fields) else ""
    if field and via.get("fd_field"):
        return None
    w = {"name": entry["name"], "fd": params[fd], "dir": via["dir"],
         "library": via["library"], "buf": param(via.get("buf", -1)),
         "len": param(via.get("len", -1)),
         "count": bool(via.get("count")) and bool(entry.get("value")),
         "at": entry.get("at", "")}
    if field or via.get("fd_field"):
        w["fd_field"] = field or via["fd_field"]
    # A sendto() given an address: the inner wrapper's own (-2), or the one
    # a parameter of this function passes on.
    addr = via.get("addr", -1)
    if addr == -2 or (addr >= 0 and param(addr) >= 0):
        w["addr"] = -2 if addr == -2 else param(addr)
    # It sets errno to EAGAIN itself if the function does, or any wrapper
    # below it.
    if entry.get("own_eagain") or via.get("own_eagain"):
        w["own_eagain"] = True
    return w


def resolve_wrappers_of_wrappers(wrappers_if, wrappers, targets):
    """A function whose file summarised it as handing back the failure of
    another file's function, given its descriptor, is a wrapper when that
    function is one (a transport's `raw_send(c, ...)` returning
    `safe_send(c->sock, ...)`, safe_send a wrapper of send in another file);
    a chain of them too (a least fixpoint, each decided once). Then the
    functions stored in struct fields that are wrappers so (pgbouncer's ops
    table): a call through the field in any file is a wrapper's call."""
    changed = True
    while changed:
        changed = False
        for name in sorted(wrappers_if):
            if name in wrappers:
                continue
            for entry in sorted(wrappers_if[name],
                                key=lambda e: e.get("at", "")):
                w = wrapper_through(entry, wrappers)
                if w is not None:
                    wrappers[name] = w
                    changed = True
                    break
    for key in sorted(targets):
        t = targets[key]
        entry = t.pop("wrapper_if", None)
        if "wrapper" in t:
            continue
        w = wrapper_through(entry, wrappers) if entry else None
        if w is None:
            del targets[key]
        else:
            w["name"] = entry["name"]
            t["wrapper"] = w


def resolve_setters_of_setters(mode_if, nonblocking, blocking, origins):
    """A function that hands its parameter to another file's setter (on
    every run, as far as its own parameters go) is a setter too, with its
    call for the origin; a setter of a setter as well (a least fixpoint).
    A setter that picks the mode by a flag ('name:fd:flag:value') counts
    when the call gives that flag as a constant with that truth (the
    summary's 'flags' of the call: pgbouncer's tune_socket() calls
    `socket_setup(sock, true)`); a flag the call computes at run time
    leaves it out. Non-blocking first: the analysis asks whether a
    descriptor may be non-blocking. Updates the sets and origins in
    place."""
    def sets(via, flags, found):
        if via in found:
            return True
        for entry in found:
            parts = entry.split(":")
            if len(parts) == 4 and entry_key(entry) == via and \
                    parts[2] in flags and flags[parts[2]] == (parts[3] == "1"):
                return True
        return False

    for found in (nonblocking, blocking):
        changed = True
        while changed:
            changed = False
            decided = {entry_key(x) for x in nonblocking | blocking}
            for fn, via, at, flags in sorted(mode_if):
                if fn in decided or not sets(via, dict(flags), found):
                    continue
                found.add(fn)
                origins[fn] = at
                decided.add(fn)
                changed = True


def keep_first(table, key, entry, place, *every):
    """Adds one summary's `entry` for `key` to `table`: the entry of the
    first place (by its `place` field) is kept, so the merged file is the
    same whatever the order; each flag of `every` holds only if every
    summary says so."""
    old = table.get(key)
    if old is None:
        table[key] = dict(entry)
        return
    holds = [f for f in every if old.get(f, False) and entry.get(f, False)]
    if entry.get(place, "") < old.get(place, ""):
        table[key] = dict(entry)
    for f in every:
        table[key].pop(f, None)
    for f in holds:
        table[key][f] = True


def merge(paths):
    nonblocking, blocking, keeps, waiters = set(), set(), set(), set()
    # Per list of NAMESAKE_LISTS: the names some file lists, and the names
    # some file defines without listing them.
    listed = {key: set() for key in NAMESAKE_LISTS}
    defined_otherwise = {key: set() for key in NAMESAKE_LISTS}
    # The names some file defines (of those in LIBRARY_NAMES), and whether
    # every summary says what it defines.
    library_namesakes, all_defined_known = set(), True
    quiet_bios, other_bios = set(), set()
    read_handlers, write_handlers, taken_elsewhere = set(), set(), set()
    pipe_fillers = set()
    # Per function name: the pointer parameters every file that defines
    # the name lists in "nonsocket_out_params".
    out_params = {}
    keeps_if = {}
    wrappers = {}
    wrappers_if = {}
    origins = {}
    targets = {}
    fields = {}
    sessions = {}
    returns = {}
    flag_returns = {}
    conflicting_flags = set()
    sites = {}
    returns_if = {}
    nonsocket_if = {}
    field_uses = {}
    session_uses = {}
    blocking_sites = {}
    address_taken = set()
    object_params = {}
    globals_named = {}
    global_objects = {}
    number_changes = set()
    called = set()
    all_calls_known = True
    mode_if = set()
    fields_if = set()
    reads_so_error = waits = False
    for path in summaries(paths):
        with open(path, encoding="utf-8") as f:
            try:
                d = json.load(f)
            except ValueError as e:
                raise SystemExit("nbio-facts: %s: not JSON: %s" % (path, e))
        if d.get("version") != FACTS_VERSION:
            raise SystemExit("nbio-facts: %s: not a version %d summary"
                             % (path, FACTS_VERSION))
        nonblocking.update(names(d, "nonblocking"))
        blocking.update(names(d, "blocking"))
        keeps.update(names(d, "keeps_mode"))
        waiters.update(names(d, "waits"))
        # The functions this file calls whose body is not in it (a summary
        # made before the list existed says nothing: then every entry
        # stays).
        if "calls" in d:
            called.update(names(d, "calls"))
        else:
            all_calls_known = False
        # Functions whose own body reads SO_ERROR or sets a socket
        # timeout: a file that calls one does it too. Two programs of one
        # project may each define a function of the same name (and C++
        # overloads share one): a name stays only if every file that
        # defines it lists it (a summary made before "defined_functions"
        # existed defines what it lists).
        defined = set(names(d, "defined_functions"))
        all_defined_known &= "defined_functions" in d
        # By the last part of the name: a C++ file may define the C
        # function inside a namespace (`extern "C"`), listed qualified.
        library_namesakes |= {n.rpartition("::")[2] for n in defined} & \
            LIBRARY_NAMES
        for key in NAMESAKE_LISTS:
            these = names(d, key)
            listed[key].update(these)
            defined_otherwise[key].update(defined - set(these))
        # mbed TLS send and receive functions: two programs of a project
        # may each define one of the same name, so a name is quiet only
        # if no file defines it otherwise.
        quiet_bios.update(names(d, "quiet_bios"))
        other_bios.update(names(d, "other_bios"))
        reads, writes = names(d, "read_handlers"), names(d, "write_handlers")
        read_handlers.update(reads)
        write_handlers.update(writes)
        # A function whose address a file takes for something else than
        # registering it (a table, a pointer it calls through) may run
        # at any time.
        taken_elsewhere.update(set(names(d, "address_taken")) - set(reads) -
                               set(writes))
        # Arrays a function fills only with pipe() or pipe2(): one body
        # decides, so a function summarised by several files (a header's
        # inline one) says the same in each.
        pipe_fillers.update(names(d, "pipe_fillers"))
        # Pointer parameters through which a function stores only
        # descriptors that are never sockets: as for NAMESAKE_LISTS, a
        # name's entry stays only if every file that defines it lists it.
        listed_params = {}
        for e in names(d, "nonsocket_out_params"):
            fn, _, arg = e.rpartition(":")
            listed_params.setdefault(fn, set()).add(arg)
        for fn in defined | set(listed_params):
            these = listed_params.get(fn, set())
            out_params[fn] = out_params[fn] & these if fn in out_params \
                else set(these)
        for e in d.get("keeps_mode_if", []):
            # The same function summarised by two files (a header's inline
            # function): both conditions must hold.
            keeps_if.setdefault(e["fn"], set()).update(e.get("needs", []))
        for e in d.get("mode_if", []):
            mode_if.add((e["fn"], e["via"], e.get("at", ""),
                         tuple(sorted((k, bool(v)) for k, v in
                                      e.get("flags", {}).items()))))
        for w in d.get("io_wrappers", []):
            key = w["name"]
            if key not in wrappers or \
                    (w.get("at", ""), w.get("fd")) < (wrappers[key].get("at", ""),
                                                      wrappers[key].get("fd")):
                wrappers[key] = w
        for e in d.get("io_wrappers_if", []):
            wrappers_if.setdefault(e["name"], []).append(e)
        origins.update(d.get("origins", {}))
        reads_so_error = reads_so_error or d.get("reads_so_error", False)
        waits = waits or d.get("waits_for_readiness", False)
        # A backend table seen by several files (a header's static table)
        # is one entry per field, function and place.
        for t in d.get("field_targets", []):
            targets[(t["field"], t.get("fn", ""), t.get("at", ""))] = t
        # The first place (in file order) that makes a field non-blocking.
        for k, at in d.get("nonblocking_fields", {}).items():
            if k not in fields or at < fields[k]:
                fields[k] = at
        for e in d.get("nonblocking_fields_if", []):
            fields_if.add((e["field"], e["via"], e.get("at", "")))
        for k, at in d.get("nonblocking_sessions", {}).items():
            if k not in sessions or at < sessions[k]:
                sessions[k] = at
        # The same for a function that returns a non-blocking descriptor
        # (a header's inline function is summarised by each includer, so
        # alike); datagram only if every summary says so.
        for k, r in d.get("nonblocking_returns", {}).items():
            keep_first(returns, k, r, "made", "datagram")
        # A helper that makes a descriptor with its caller's flags, alike.
        # Two functions of one name that disagree (two programs of one
        # project) say nothing: the entry goes.
        for k, r in d.get("flag_returns", {}).items():
            if k in conflicting_flags:
                continue
            old = flag_returns.get(k)
            if old is not None and (old.get("arg"), old.get("creator")) != \
                    (r.get("arg"), r.get("creator")):
                del flag_returns[k]
                conflicting_flags.add(k)
                continue
            keep_first(flag_returns, k, r, "at", "sole", "kept")
        # Blocking descriptors handed between files, each on the needs of
        # its file's summary; a function or field summarised by several
        # files (a header's inline function) must hold in each.
        for e in d.get("blocking_returns_if", []):
            returns_if.setdefault(e["fn"], []).append(set(e.get("needs", [])))
        for e in d.get("nonsocket_returns_if", []):
            nonsocket_if.setdefault(e["fn"], []).append(set(e.get("needs", [])))
        for u in d.get("field_uses", []):
            field_uses.setdefault(u["field"], []).append(u)
        for u in d.get("session_uses", []):
            session_uses.setdefault(u["field"], []).append(u)
        # Every call of a visible function, once (a header's inline caller
        # is summarised by each file that includes it).
        for site in d.get("param_sites", []):
            where = (site.get("at", ""), site.get("mode", "other"),
                     site.get("from", ""), bool(site.get("datagram", False)))
            sites.setdefault(site["param"], set()).add(where)
            # Blocking on its needs; a site seen by several files (a
            # header's inline caller) must be blocking in each.
            was_blocking, was_needs = blocking_sites.setdefault(
                site["param"], {}).get(where, (True, frozenset()))
            blocking_sites[site["param"]][where] = (
                was_blocking and bool(site.get("blocking", False)),
                was_needs | frozenset(site.get("needs", [])))
        address_taken.update(names(d, "address_taken"))
        # What a function does to a struct it is given: one body decides (a
        # header's inline function says the same in each file); two
        # functions of one name (two programs of one project) both count.
        for k, e in d.get("object_params", {}).items():
            if k not in object_params:
                object_params[k] = e
                continue
            old = object_params[k]
            merged = {}
            for part in ("stores", "escapes", "handoffs"):
                merged[part] = old.get(part, []) + [
                    x for x in e.get(part, []) if x not in old.get(part, [])]
            merged["store_fields"] = dict(e.get("store_fields", {}),
                                          **old.get("store_fields", {}))
            object_params[k] = merged
        for g in names(d, "globals"):
            globals_named[g] = globals_named.get(g, 0) + 1
        for c in d.get("number_changes", []):
            number_changes.add((str(c.get("number", "*")),
                                tuple(c.get("unless", []))))
        # What the file does to each such variable's object, by the file.
        for g, e in d.get("global_objects", {}).items():
            global_objects.setdefault(g, {})[d.get("main_file", path)] = e
    resolve_setters_of_setters(mode_if, nonblocking, blocking, origins)
    resolve_wrappers_of_wrappers(wrappers_if, wrappers, targets)
    # A field given a descriptor that the same function hands to a setter
    # of another file (pgbouncer's sbuf_accept(): `sbuf->sock = sock;
    # tune_socket(sock, ...)`) holds a non-blocking one, the setter's call
    # for the origin (the first in file order).
    for field, via, at in sorted(fields_if):
        if via in nonblocking and (field not in fields or at < fields[field]):
            fields[field] = at
    # A function that changes the mode somewhere does not keep it.
    changes = {entry_key(x) for x in nonblocking | blocking}
    keeps -= changes

    def close_keeps():
        changed = True
        while changed:
            changed = False
            for fn, needs in sorted(keeps_if.items()):
                if fn not in keeps and fn not in changes and needs <= keeps:
                    keeps.add(fn)
                    changed = True

    close_keeps()
    # The descriptor numbers some file may change the mode of (one handed
    # to another file's function that does not keep it too); "*" any.
    # What a number placed for a program the project starts (dup2(cfd, 3))
    # holds is known only for the others: a dup2() of a descriptor to one
    # of them keeps its mode ("<placed>:3"), and the blocking placings
    # say the number is blocking.
    changed_numbers = {n for n, unless in number_changes
                       if not unless or
                       not all(need_holds(u, (), keeps) for u in unless)}
    placed = {p.partition(":")[2] for p in blocking_sites
              if p.startswith("<fd>:")}
    if "*" in changed_numbers:
        changed_numbers |= placed
    for n in sorted(placed - changed_numbers):
        keeps.add("<placed>:" + n)
    close_keeps()
    for n in changed_numbers & placed:
        del blocking_sites["<fd>:" + n]
    blocking_returns, blocking_fields, blocking_params = resolve_blocking(
        returns_if, field_uses, keeps, set(returns), set(fields),
        blocking_sites, address_taken)
    nonsocket_returns, nonsocket_fields = resolve_nonsocket(
        nonsocket_if, field_uses)
    blocking_sessions = resolve_sessions(session_uses, set(blocking_fields),
                                         sessions)
    # The merged file names only the functions some file calls without
    # their body (the summaries' "calls"): a file judges a call of its own
    # function on the body, and asks the facts only about the others
    # (whether one waits, whether one keeps a descriptor's mode). A
    # project's lists otherwise run to hundreds of entries, most of them
    # asked for by no file, and every TU reads them.
    # The descriptor fields: those some file stores a descriptor in (or a
    # datagram or non-socket one), that some file makes non-blocking, and
    # those whose name a wrapper reads its descriptor from.
    wrapper_fields = {w.get("fd_field") for w in wrappers.values()
                      if w.get("fd_field")}
    object_fields = {
        k for k, uses in field_uses.items()
        if k.rsplit("::", 1)[-1] in wrapper_fields or any(
            u.get("created") or u.get("stores") or u.get("datagram_stores")
            for u in uses)} | set(fields)
    # A variable several files name, each file's entry, when every file
    # that names it wrote one (a summary of an older plugin writes none).
    shared_globals = sorted(g for g, n in globals_named.items() if n > 1)
    shared_objects = {g: global_objects[g] for g in shared_globals
                      if len(global_objects.get(g, {})) == globals_named[g]}
    object_params, object_summarised, shared_objects = object_structs(
        object_params, object_fields, called if all_calls_known else None,
        shared_objects)
    # An event loop's handler runs once its descriptor is ready only if no
    # file calls it directly as well; without every file's calls, none is
    # known not to be.
    if all_calls_known:
        keeps = {e for e in keeps if function_of(e) in called}
        waiters &= called
        read_handlers -= called | taken_elsewhere
        write_handlers -= called | taken_elsewhere
    else:
        read_handlers, write_handlers = set(), set()
    # "<placed>:N" is the merge's own need, no function's entry.
    keeps = {e for e in keeps if not e.startswith("<")}
    return {
        "version": FACTS_VERSION,
        "blocking_returns": lines(blocking_returns),
        "blocking_fields": lines(blocking_fields),
        "blocking_sessions": lines(blocking_sessions),
        "mixed_sessions": lines(sorted(set(sessions) | {
            k for k, uses in session_uses.items()
            if k != ESCAPED_SESSION and any(u.get("replaced") for u in uses)
        })),
        "own_transport_sessions": lines(sorted(
            k for k, uses in session_uses.items()
            if k != ESCAPED_SESSION and any(
                u.get("own_transport") for u in uses))),
        "nonsocket_returns": lines(nonsocket_returns),
        "nonsocket_fields": lines(nonsocket_fields),
        "datagram_fields": lines(resolve_datagram(field_uses)),
        "pipe_fillers": lines(pipe_fillers),
        "nonsocket_out_params": lines("%s:%s" % (fn, arg)
                                      for fn, args in out_params.items()
                                      for arg in args),
        "nonblocking_params": reached_params(sites),
        "blocking_params": lines(blocking_params),
        "nonblocking": lines(nonblocking),
        "blocking": lines(blocking),
        "keeps_mode": lines(keeps),
        "keeps_mode_if": [],
        "waits": lines(waiters),
        "io_wrappers": [wrappers[k] for k in sorted(wrappers)],
        "field_targets": [targets[k] for k in sorted(targets)],
        "nonblocking_fields": {k: fields[k] for k in sorted(fields)},
        "nonblocking_sessions": {k: sessions[k] for k in sorted(sessions)},
        "nonblocking_returns": {k: returns[k] for k in sorted(returns)},
        "flag_returns": {k: flag_returns[k] for k in sorted(flag_returns)
                         if k not in returns},
        "reads_so_error": reads_so_error,
        **{key: lines(listed[key] - defined_otherwise[key])
           for key in NAMESAKE_LISTS},
        # Left out when some summary does not list what it defines: then
        # any of the names may be a shim.
        **({"library_namesakes": lines(library_namesakes)}
           if all_defined_known else {}),
        "quiet_bios": lines(quiet_bios - other_bios),
        "read_handlers": lines(read_handlers),
        "write_handlers": lines(write_handlers),
        "waits_for_readiness": waits,
        "object_params": object_params,
        "object_summarised": lines(object_summarised),
        "shared_globals": lines(shared_globals),
        "global_objects": shared_objects,
        "object_fields": lines(object_fields),
        "origins": {k: origins[k] for k in sorted(origins)},
    }


def objects_path(facts):
    """The file beside FACTS that holds what functions do to the structs
    they are given (read by the checks only when a TU asks):
    nbio-facts.objects.json for nbio-facts.json."""
    stem = facts[:-len(".json")] if facts.endswith(".json") else facts
    return stem + ".objects.json"


def count(text):
    """How many entries a list written by lines() has."""
    return len(text.splitlines())


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version",
                    version="%(prog)s (nbio) " + VERSION)
    sub = ap.add_subparsers(dest="command", required=True)
    m = sub.add_parser("merge", help="merge per-file summaries into one file")
    m.add_argument("inputs", nargs="+",
                   help="summary files, or directories of them")
    m.add_argument("-o", "--output", required=True,
                   help="the facts file to write (nbio-facts.json next to "
                        "compile_commands.json is found without options)")
    args = ap.parse_args(argv)
    facts = merge(args.inputs)
    # What functions do to the structs they are given goes into a file of
    # its own, read only by a TU that asks (most never do): every TU reads
    # the main file, and a project's entries run to tens of kilobytes.
    objects = objects_path(args.output)
    for path, value in ((objects, {"version": FACTS_VERSION,
                                   "object_params": facts.pop("object_params"),
                                   "object_summarised":
                                       facts.pop("object_summarised"),
                                   "global_objects":
                                       facts.pop("global_objects")}),
                        (args.output, facts)):
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(value, f, indent=1, sort_keys=True)
            f.write("\n")
        os.replace(tmp, path)
    print("nbio-facts: %d non-blocking, %d blocking, %d mode-keeping "
          "parameters, %d I/O wrappers, %d functions in fields, %d "
          "non-blocking fields, %d parameters given non-blocking "
          "descriptors, %d functions returning one, %d returning a "
          "blocking one, %d blocking fields, %d blocking session fields, %d "
          "functions returning and %d "
          "fields holding descriptors that are never sockets, %d fields "
          "holding datagram sockets -> %s"
          % (count(facts["nonblocking"]), count(facts["blocking"]),
             count(facts["keeps_mode"]), len(facts["io_wrappers"]),
             len(facts["field_targets"]), len(facts["nonblocking_fields"]),
             len(facts["nonblocking_params"]),
             len(facts["nonblocking_returns"]),
             count(facts["blocking_returns"]), count(facts["blocking_fields"]),
             count(facts["blocking_sessions"]),
             count(facts["nonsocket_returns"]),
             count(facts["nonsocket_fields"]),
             count(facts["datagram_fields"]), args.output),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
