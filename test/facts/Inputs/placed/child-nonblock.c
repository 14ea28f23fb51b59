// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A child that makes its channel non-blocking itself: what the parent put
// there says nothing of the mode here.
#include "proc.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int child_async(void) {
  fcntl(PARENT_FD, F_SETFL, fcntl(PARENT_FD, F_GETFL) | O_NONBLOCK);
  char buf[64];
  ssize_t n = read(PARENT_FD, buf, sizeof buf);
  if (n == -1 && errno != EAGAIN)
    return -1;
  return 0;
}
