// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A goto back to a label that runs on every path to the receive retries
// it; the retry waits only if a wait runs on every path from the label to
// the receive (in the function's CFG), not merely written between them.

#include <errno.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>

// Quiet: every retry polls first.
ssize_t recv_waiting(int sd, char *buf, size_t len) {
  ssize_t got;
again: {
  struct pollfd p = {sd, POLLIN, 0};
  (void)poll(&p, 1, -1);
}
  got = recv(sd, buf, len, 0);
  if (got < 0 && errno == EAGAIN)
    goto again;
  return got;
}

// Reported: the poll is on a branch, and the retry that skips it spins.
ssize_t recv_sometimes_waiting(int sd, char *buf, size_t len, int slow) {
  ssize_t got;
again:
  if (slow) {
    struct pollfd p = {sd, POLLIN, 0};
    (void)poll(&p, 1, -1);
  }
  got = recv(sd, buf, len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'sd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  if (got < 0 && errno == EAGAIN)
    goto again;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the call is retried from here
  return got;
}
// CHECK-FIXES: {{^}}  if (got < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {sd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}    goto again;{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
