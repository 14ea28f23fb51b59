#include "shared.h"

int bad_read(int fd) {
  char b[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, sizeof b);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return undeclared_count + (int)n;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
