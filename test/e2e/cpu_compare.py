#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Compare what a spinning program and its fixed copies report.

Each input is the output of one run of Inputs/spin-*.c, lines of
`key=value`: data=ok|wrong, child=ok|failed, cpu=<seconds>, wall=<seconds>.

    cpu_compare.py SPIN.txt FIXED.txt [FIXED.txt...]

Passes when every run delivered the data, the spinning run burnt the CPU
while it waited (at least a fifth of the wall time: a busy loop gets a whole
core unless the machine is loaded), every fixed run waited about as long but
used less than a tenth of the spinning run's CPU time. The margins are wide
on purpose: this is a smoke test of the fix, not a benchmark.
"""

import sys

MIN_WAIT = 0.3           # the peer acts after 0.5 s
SPIN_CPU_SHARE = 0.2     # of the wall time, while spinning
FIXED_CPU_FRACTION = 0.1  # of the spinning run's CPU time


def read_run(path):
    """One run's values; a file holding several runs (the spinning program
    is run three times, so that a moment of load on a small machine does not
    pass for "it did not spin") gives the run with the largest CPU share."""
    runs, values = [], {}
    with open(path) as f:
        for line in f:
            key, sep, value = line.strip().partition("=")
            if not sep:
                continue
            if key in values:
                runs.append(values)
                values = {}
            values[key] = value
    runs.append(values)
    def share(v):
        try:
            return float(v.get("cpu", 0)) / max(float(v.get("wall", 1)), 1e-6)
        except ValueError:
            return 0.0
    values = max(runs, key=share)
    missing = {"data", "child", "cpu", "wall"} - values.keys()
    if missing:
        sys.exit("%s: no %s in the program's output" % (path, ", ".join(sorted(missing))))
    values["cpu"] = float(values["cpu"])
    values["wall"] = float(values["wall"])
    return values


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    spin = read_run(argv[0])
    fixed = [(path, read_run(path)) for path in argv[1:]]
    errors = []
    for path, run in [(argv[0], spin)] + fixed:
        if run["data"] != "ok" or run["child"] != "ok":
            errors.append("%s: data=%s child=%s" % (path, run["data"], run["child"]))
        if run["wall"] < MIN_WAIT:
            errors.append("%s: waited only %.3f s; the peer acts after 0.5 s"
                          % (path, run["wall"]))
    if spin["cpu"] < SPIN_CPU_SHARE * spin["wall"]:
        errors.append("%s: the spinning run used %.3f s of CPU in %.3f s: "
                      "it did not spin" % (argv[0], spin["cpu"], spin["wall"]))
    for path, run in fixed:
        if run["cpu"] >= FIXED_CPU_FRACTION * spin["cpu"]:
            errors.append("%s: the fixed run used %.3f s of CPU, not under a "
                          "tenth of the spinning run's %.3f s"
                          % (path, run["cpu"], spin["cpu"]))
    print("spinning: cpu=%.3f wall=%.3f" % (spin["cpu"], spin["wall"]))
    for path, run in fixed:
        print("fixed:    cpu=%.3f wall=%.3f (%s)" % (run["cpu"], run["wall"], path))
    if errors:
        print("\n".join("cpu_compare: FAIL: " + e for e in errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
