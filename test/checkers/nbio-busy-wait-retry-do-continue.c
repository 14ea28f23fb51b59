// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A `continue` in a do loop goes to the condition, which retries while the
// call failed. The wait belongs before the continue: one at the end of the
// body would be skipped by it (found by fuzzing: the fix was dead code and
// a second --fix added another). Twin: the same loop that waits first.

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t read_do_continue(int fd, char *b, size_t n) {
  ssize_t rc;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  do {
    rc = read(fd, b, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (rc < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'fd' was made non-blocking here
    // CHECK-FIXES: {{^}}    if (rc < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
  } while (rc < 0);
  return rc;
}

ssize_t read_do_continue_waits(int fd, char *b, size_t n) {
  ssize_t rc;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  do {
    rc = read(fd, b, n);
    if (rc < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      struct pollfd p = {fd, POLLIN, 0};
      (void)poll(&p, 1, -1);
      continue;
    }
  } while (rc < 0);
  return rc;
}
