// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// `likely()`/`unlikely()` wrap a condition in __builtin_expect, which only
// tells the compiler which branch to lay out first: the condition is its
// first argument. A failure test written `if (unlikely(n < 0))` is the
// same test as `if (n < 0)`, so a close behind it ends the connection on
// EAGAIN; a test of EAGAIN behind it handles the failure.

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

int pump(int fd, char *buf, unsigned len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (unlikely(n < 0)) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    return -1;
  }
  return (int)n;
}

// The success branch hinted instead: the failure goes the other way.
int pump_likely(int fd, char *buf, unsigned len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (likely(n >= 0))
    return (int)n;
  close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  return -1;
}

// Look-alike: the hinted branch tests for EAGAIN before the close.
int pump_checked(int fd, char *buf, unsigned len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  if (unlikely(n < 0)) {
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      return 0;
    close(fd);
    return -1;
  }
  return (int)n;
}

// Look-alike: the hint holds the errno test itself.
int pump_hinted_errno(int fd, char *buf, unsigned len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  if (n < 0) {
    if (likely(errno == EAGAIN || errno == EWOULDBLOCK))
      return 0;
    close(fd);
    return -1;
  }
  return (int)n;
}
