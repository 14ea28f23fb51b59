#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Prints lit's own counts (tests discovered, passed, failed, unsupported,
# expectedly failed, ...) from the log ctest keeps of its run of the lit
# suite, since ctest itself only says "1 test passed".  `make check` runs
# it after ctest for each LLVM major.
#
#   scripts/lit-summary.sh build/llvm-19
set -euo pipefail

build=${1:?usage: lit-summary.sh BUILD_DIR}
log=$build/Testing/Temporary/LastTest.log
if [ ! -f "$log" ] || ! grep -q '^Total Discovered Tests:' "$log"; then
  echo "lit-summary: no lit results in $log" >&2
  exit 1
fi
echo "lit results ($build):"
# From lit's "Total Discovered Tests:" to the end of its output.
sed -n '/^Total Discovered Tests:/,/^<end of output>/p' "$log" |
  grep -v '^<end of output>'
