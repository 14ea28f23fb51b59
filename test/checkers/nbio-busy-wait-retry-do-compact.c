// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A do/while whose closing brace does not start its own line (the whole
// loop on one line) takes the wait as an inline `if (cond) { wait }` before
// that brace; a body that is a single statement without braces becomes a
// block ending in the same `if`. Both were once reported without a fix-it.

#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

ssize_t gauge_read(int fd, char *buf, size_t cap) {
  ssize_t n;
  do { n = read(fd, buf, cap); } while (n < 0 && errno == EAGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:41: note: the call is retried from here
  // CHECK-MESSAGES-NOT: note: no fix-it
  return n;
}
// CHECK-FIXES: {{^}}  do { n = read(fd, buf, cap); if (n < 0 && errno == EAGAIN) { struct pollfd wait_pfd = {fd, POLLIN, 0}; (void)poll(&wait_pfd, 1, -1); } } while (n < 0 && errno == EAGAIN);{{$}}

ssize_t gauge_write(int fd, const char *buf, size_t len) {
  ssize_t n;
  do
    n = write(fd, buf, len);
  while (n < 0 && errno == EAGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES-NOT: note: no fix-it
  return n;
}
// CHECK-FIXES: {{^}}  do{{$}}
// CHECK-FIXES-NEXT: {{^}}    { n = write(fd, buf, len); if (n < 0 && errno == EAGAIN) { struct pollfd wait_pfd = {fd, POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
// CHECK-FIXES-NEXT: {{^}}  while (n < 0 && errno == EAGAIN);{{$}}
