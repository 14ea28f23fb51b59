#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Runs the nbio checks over examples/ with Debian's clang-tidy and the nbio
# plugin, prints the findings, then the diff that --fix would make.
# `make demo` builds the plugin first; run it through make.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${NBIO_DEMO_MAJOR:-19}
# NBIO_DEMO_PLUGIN: another build's plugin (test/ci/demo.test uses its own).
plugin=${NBIO_DEMO_PLUGIN:-$root/build/llvm-$n/lib/nbio-tidy-$n.so}
tidy=/usr/lib/llvm-$n/bin/clang-tidy
[ -f "$plugin" ] || { echo "demo: $plugin is missing; run 'make demo'" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples" "$work/examples"
# compile_commands.json from the examples' own CMake build (configure only).
cmake -S "$work/examples" -B "$work/build" -DCMAKE_C_COMPILER="clang-$n" \
  -DCMAKE_CXX_COMPILER="clang++-$n" >/dev/null
mapfile -t sources < <(cd "$work/examples" && find . -name '*.c' -o -name '*.cpp' | sort)

echo "== nbio findings in examples/ (clang-tidy-$n --load=$(basename "$plugin"))"
for f in "${sources[@]}"; do
  "$tidy" --load="$plugin" -checks='-*,nbio-*' -p "$work/build" \
    "$work/examples/$f" 2>/dev/null | sed "s|$work/||g" || true
done

echo
echo "== what 'clang-tidy --fix' changes"
for f in "${sources[@]}"; do
  "$tidy" --load="$plugin" -checks='-*,nbio-*' -p "$work/build" --fix \
    "$work/examples/$f" >/dev/null 2>&1 || true
done
(cd "$work" && diff -ru "$root/examples" examples |
  sed "s|$root/||g") || true
