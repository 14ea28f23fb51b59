#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# For test/ci/dpkg-install.test (root only): makes the .deb of BUILD and of
# every other build tree beside it that has its binaries, installs them all
# with dpkg -i, uses each from the paths the docs give, removes them with
# dpkg -r and checks that nothing they installed is left.  Prints one line
# per step, for FileCheck; exits non-zero on the first failure.
#
#   dpkg-roundtrip.sh WORK BUILD SRC
set -euo pipefail

work=$1 build=$2 src=$3
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
mkdir -p "$work"

majors=()
for b in "$(dirname "$build")"/llvm-*; do
  n=${b##*/llvm-}
  if [ "$b" = "$build" ] || { [ -f "$b/CPackConfig.cmake" ] && [ -x "$b/bin/nbio-clangd-$n" ]; }; then
    majors+=("$n")
    cpack --config "$b/CPackConfig.cmake" -G DEB -B "$work/pkg-$n" > "$work/cpack-$n.log" 2>&1
  fi
done
names=()
debs=()
for n in "${majors[@]}"; do
  names+=("nbio-$n")
  debs+=("$work/pkg-$n"/nbio-"$n"_*.deb)
done

remove() { dpkg -r "${names[@]}" > "$work/remove.log" 2>&1; }
trap 'remove || true' EXIT

dpkg -i "${debs[@]}" > "$work/install.log" 2>&1
echo "installed: ${names[*]}"

for n in "${majors[@]}"; do
  dpkg -L "nbio-$n" > "$work/files-$n"
  # README: clang-tidy-N --load=<the .deb's plugin path>.
  plugin=/usr/lib/$triplet/nbio/nbio-tidy-$n.so
  "clang-tidy-$n" --load="$plugin" -checks='-*,nbio-*' "$src/test/ci/Inputs/consumer/bad.c" -- \
    > "$work/tidy-$n.log" 2>/dev/null || true
  grep -q 'nbio-eagain-ewouldblock' "$work/tidy-$n.log" &&
    echo "nbio-$n: clang-tidy-$n --load=$plugin finds"
  # docs/editors.md: /usr/bin/nbio-clangd-N; the binaries on PATH.
  /usr/bin/nbio-clangd-"$n" --version > "$work/version-$n"
  "nbio-clang-tidy-$n" --version >> "$work/version-$n"
  grep '(nbio)' "$work/version-$n" | sed "s/^/nbio-$n: /"
  "nbio-sarif-$n" --version | sed "s/^/nbio-$n: /"
  "nbio-apply-fixes-$n" --version | sed "s/^/nbio-$n: /"
  for cmd in nbio-clang-tidy nbio-clangd nbio-sarif nbio-apply-fixes; do
    man -w "$cmd-$n" > /dev/null
  done
  echo "nbio-$n: man pages of the four commands"
  # docs/ci.md: find_package(nbio) with nothing else, a clang-N project.
  rm -rf "$work/consumer-$n"
  cmake -S "$src/test/ci/Inputs/consumer" -B "$work/consumer-$n" -DNBQ_USE_PACKAGE=ON \
    -DNBQ_SOURCE=bad.c -DCMAKE_C_COMPILER="clang-$n" > "$work/consumer-$n.log" 2>&1
  sed -n "s|^-- \(nbio .* for LLVM .*\)|nbio-$n: find_package: \1|p" "$work/consumer-$n.log"
  if cmake --build "$work/consumer-$n" > "$work/consumer-$n-build.log" 2>&1; then
    echo "nbio-$n: the build passed a finding" >&2
    exit 1
  fi
  grep -q 'nbio-eagain-ewouldblock,-warnings-as-errors' "$work/consumer-$n-build.log" &&
    echo "nbio-$n: nbio_enable_clang_tidy() fails the build on the finding"
done

remove
trap - EXIT
echo "removed: ${names[*]}"
for n in "${majors[@]}"; do
  if dpkg-query -W -f='${Status}\n' "nbio-$n" 2>/dev/null | grep -q 'installed'; then
    echo "nbio-$n is still installed" >&2
    exit 1
  fi
  left=0
  while read -r f; do
    # Directories other packages share (/usr/bin, ...) stay; nbio's own go.
    if [ -e "$f" ] && { [ ! -d "$f" ] || [[ "$f" == *nbio* ]]; }; then
      echo "left behind: $f"
      left=1
    fi
  done < "$work/files-$n"
  [ "$left" -eq 0 ] && echo "nbio-$n: nothing left of $(wc -l < "$work/files-$n") paths"
done
