#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Installs the npm packages that validate nbio-sarif.py's SARIF in the lit
# tests (test/ci/validator: ajv-cli, ajv-formats and Microsoft's SARIF
# Multitool, which ships the SARIF 2.1.0 schema), with `npm ci` from the
# committed package-lock.json.  Idempotent: nothing is done when the lock
# file has not changed since the last install.  Without Node.js it does
# nothing (the tests that need it are then UNSUPPORTED); if npm fails it
# warns and the validation test says what is missing.
set -euo pipefail

dir=$(cd "$(dirname "$0")/../test/ci/validator" && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup-ci-tools: node/npm not found: the SARIF validation test will be skipped"
  exit 0
fi
stamp=$dir/node_modules/.nbio-lock.sha256
want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
   [ -x "$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]; then
  exit 0
fi
echo "setup-ci-tools: npm ci in $dir"
if (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error); then
  # The package's postinstall only makes the tool executable; npm may
  # not run install scripts.
  chmod u+x "$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  echo "$want" > "$stamp"
else
  echo "setup-ci-tools: WARNING: npm ci failed; the SARIF validation test will fail" >&2
fi
