#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Validate SARIF files with two independent, real validators:

  1. ajv (ajv-cli, JSON Schema 2020-12, with ajv-formats for "uri",
     "date-time"...) against sarif-2.1.0.json, the SARIF 2.1.0 schema that
     Microsoft's SARIF SDK ships in @microsoft/sarif-multitool-linux;
  2. the SDK's own validator, `Sarif.Multitool validate`, which checks the
     schema again and the rules a schema cannot state (SARIF1xxx: rule
     indexes, uriBaseIds, related location ids...).  Its errors and
     warnings fail the validation; its notes (style advice) do not.

The npm packages come from package.json/package-lock.json beside this
script; scripts/setup-ci-tools.sh installs them (npm ci; make check runs
it, make demo does not).

    validate.py FILE.sarif...
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MODULES = os.path.join(HERE, "node_modules")
MULTITOOL_DIR = os.path.join(MODULES, "@microsoft", "sarif-multitool-linux")
SCHEMA = os.path.join(MULTITOOL_DIR, "sarif-2.1.0.json")
MULTITOOL = os.path.join(MULTITOOL_DIR, "Sarif.Multitool")
AJV = os.path.join(MODULES, "ajv-cli", "dist", "index.js")


def fail(msg):
    print("validate: " + msg)
    sys.exit(1)


def main(files):
    node = shutil.which("node")
    if not node:
        fail("node is not installed")
    for f in (SCHEMA, MULTITOOL, AJV):
        if not os.path.exists(f):
            fail("%s is missing: run scripts/setup-ci-tools.sh (npm ci in %s)"
                 % (f, HERE))
    if not files:
        fail("no SARIF file given")
    with tempfile.TemporaryDirectory() as tmp:
        # ajv-cli reads JSON only from files named *.json.
        copies = {}
        cmd = [node, AJV, "validate", "--spec=draft2020", "--all-errors",
               "--errors=text", "-c", "ajv-formats", "-s", SCHEMA]
        for i, path in enumerate(files):
            data = os.path.join(tmp, "log%d.json" % i)
            shutil.copyfile(path, data)
            copies[data] = path
            cmd += ["-d", data]
        r = subprocess.run(cmd, cwd=HERE, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, universal_newlines=True)
        out = r.stdout
        for data, path in copies.items():
            out = out.replace(data, path)
        if r.returncode != 0:
            fail("not valid against the SARIF 2.1.0 schema:\n" + out)
        for path in files:
            print("%s: valid against the SARIF 2.1.0 schema (ajv)" % path)

        log = os.path.join(tmp, "multitool.sarif")
        r = subprocess.run(
            [MULTITOOL, "validate"] + files +
            ["--output", log, "--level", "Error;Warning"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True,
            env=dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1",
                     DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1"))
        if r.returncode != 0 or not os.path.exists(log):
            fail("Sarif.Multitool failed:\n" + r.stdout)
        with open(log, encoding="utf-8-sig") as f:
            result = json.load(f)
        problems = 0
        for run in result.get("runs", []):
            for inv in run.get("invocations", []):
                if not inv.get("executionSuccessful", True):
                    fail("Sarif.Multitool did not run:\n" + r.stdout)
            problems += sum(1 for res in run.get("results", [])
                            if res.get("level", "warning") in ("error",
                                                               "warning"))
        if problems:
            fail("Sarif.Multitool validate found %d problems:\n%s"
                 % (problems, r.stdout))
        for path in files:
            print("%s: no errors or warnings from Sarif.Multitool validate"
                  % path)


if __name__ == "__main__":
    main(sys.argv[1:])
