// Two warnings, one expected: the second one must fail the test.
#include <fcntl.h>
#include <unistd.h>
void f(int fd) {
  char b[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, sizeof b);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    close(fd);
    return;
  }
}
void g(int fd) {
  char b[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, sizeof b);
  if (n <= 0) {
    close(fd);
    return;
  }
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
