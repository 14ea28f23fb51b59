// RUN: %check_nbio %s nbio-unhandled-eagain -- -std=c11
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

static int counter;

static void bump(void) {
  counter++;
  if (counter > 100)
    counter = 0;
}

ssize_t pull(int fd, char *buf, size_t cap) {
  bump();
  ssize_t n = read(fd, buf, cap);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return n;
}

int twice(int x) {
  bump();
  return 2 * x;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
