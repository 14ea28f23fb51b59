// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A child that makes its channel non-blocking itself, through a copy of
// the number: every child reads the same number, so what the parent put
// there says nothing of the mode in any of them.
#include "proc.h"
#include <fcntl.h>

int child_async(void) {
  int fd = PARENT_FD;
  return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}
