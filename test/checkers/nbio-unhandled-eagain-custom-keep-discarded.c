// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain --config='{CheckOptions: {nbio-unhandled-eagain.FlagDiscardedResults: false}}'

// With FlagDiscardedResults off, a discarded result is not reported; the
// other findings still are.

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

void wake(int fd) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  write(fd, "x", 1);
  if (write(fd, "y", 1) != 1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}
