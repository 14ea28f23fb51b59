// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The runner passes when the diagnostics match CHECK-MESSAGES and nothing
// was fixed.  Notes need not be listed.
// RUN: %check_nbio %s nbio-unhandled-eagain
#include <fcntl.h>
#include <unistd.h>
void f(int fd) {
  char b[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, sizeof b);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here
    return;
  }
}
