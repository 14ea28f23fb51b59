#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Installs, through apt-get only, what building and testing nbio needs.
# Idempotent: packages already present are not reinstalled, and apt-get
# update runs only when something is missing.
#
#   scripts/setup.sh            # both LLVM majors (19 and 22)
#   NBIO_LLVM_MAJORS=19 scripts/setup.sh
set -euo pipefail

majors=${NBIO_LLVM_MAJORS:-"19 22"}
common=(cmake make g++ python3 bear neovim libssl-dev clang-format-19
        libgrpc++-dev libprotobuf-dev libabsl-dev protobuf-compiler-grpc
        zlib1g-dev libzstd-dev libedit-dev libxml2-dev libncurses-dev libffi-dev)
# test/ci: PyYAML for --export-fixes YAML, git for clang-tidy-diff, dpkg-dev
# (dpkg-shlibdeps) and file for cpack's Debian package.
common+=(python3-yaml git dpkg-dev file)
# test/checkers: the TLS and protocol libraries' real headers (GnuTLS,
# libssh2, mbed TLS, wolfSSL, and libtls from LibreTLS), as users compile
# against them.
common+=(libgnutls28-dev libssh2-1-dev libmbedtls-dev libwolfssl-dev libtls-dev)
# test/ci/licence.test: reuse (the REUSE linter of every file's licence);
# the man pages: help2man; test/ci/lintian.test: lintian;
# test/ci/pre-commit.test: pre-commit; test/editor/emacs-eglot.test:
# Emacs (no X) and Eglot.
common+=(reuse help2man lintian pre-commit emacs-nox elpa-eglot)
# scripts/bench.py: valgrind for its instruction counts (cachegrind), binutils
# for strip (valgrind reads the plugin's copy without debug info).
common+=(valgrind binutils)

per_major() {
  local n=$1
  echo "clang-$n clang-tidy-$n clangd-$n clang-tools-$n libclang-$n-dev" \
       "llvm-$n-dev llvm-$n-tools libclang-rt-$n-dev"
}

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing() {
  local p out=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
  done
  echo "${out[@]:-}"
}

updated=0
apt_update_once() {
  if [ $updated -eq 0 ]; then
    sudo_ apt-get update -qq
    updated=1
  fi
}

install() {
  local want
  want=$(missing "$@")
  [ -z "$want" ] && return 0
  apt_update_once
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends $want
}

install "${common[@]}"

ok_majors=()
for n in $majors; do
  # shellcheck disable=SC2046
  if install $(per_major "$n"); then
    ok_majors+=("$n")
  else
    echo "setup: LLVM $n could not be installed from Debian's archive." >&2
    if [ "$n" = 22 ]; then
      echo "setup: LLVM 22 comes from the bookworm-security suite; check that it is in /etc/apt/sources.list.d/." >&2
      echo "setup: the LLVM 19 build still works without it." >&2
    fi
  fi
done

echo "setup: LLVM majors ready: ${ok_majors[*]:-none}"
[ ${#ok_majors[@]} -gt 0 ]
