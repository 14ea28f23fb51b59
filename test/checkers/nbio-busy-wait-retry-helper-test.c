// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// An errno test done by a helper function of the file, in an `if` before
// `continue` and in a do/while condition: both loops spin on EAGAIN and are
// reported (they once went unreported). The fix-it for the do/while form is
// in nbio-busy-wait-retry-do-cond-call.c.

#include <errno.h>
#include <stddef.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

int io_would_block(int e) { return e == EAGAIN || e == EWOULDBLOCK; }

ssize_t pipe_read_if_helper(int fd, char *buf, size_t cap) {
  for (;;) {
    ssize_t n = read(fd, buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && io_would_block(errno))
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    return n;
  }
}
// CHECK-FIXES: {{^}}    if (n < 0 && io_would_block(errno)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

ssize_t pipe_write_do_helper(int fd, const char *buf, size_t len) {
  ssize_t n;
  do {
    n = write(fd, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && io_would_block(errno));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  return n;
}
