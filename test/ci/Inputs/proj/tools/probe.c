/* Reads what is waiting on stdin without blocking and prints its size. */
#include "nbq/stream.h"

#include <stdio.h>

int main(void) {
  struct nbq_stream s;
  char buf[256];
  if (nbq_open(&s, 0) < 0)
    return 1;
  ssize_t n = nbq_read(&s, buf, sizeof buf);
  printf("%zd\n", n);
  return n < 0;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
