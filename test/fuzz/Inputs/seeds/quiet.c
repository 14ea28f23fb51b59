// RUN: %check_nbio %s nbio-unhandled-eagain -- -std=c11
// No read here: the fake clang-tidy leaves this one alone.
static int total;

int add(int x) {
  total += x;
  return total;
}

int sub(int x) {
  total -= x;
  return total;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
