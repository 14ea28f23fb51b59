#include "shared.h"

int ok_read(int fd) {
  char b[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, sizeof b);
  if (n < 0 && errno == EWOULDBLOCK)
    return 0;
  return (int)n;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
