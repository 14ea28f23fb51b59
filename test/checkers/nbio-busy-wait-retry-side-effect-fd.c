// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// The fix-it names the descriptor again in the wait; when the expression
// that gives the descriptor has side effects (an increment, a call), that
// would pick another descriptor or call the function twice. The warning
// stays, without a fix, and a note says why. A descriptor expression
// without side effects is repeated as written.

#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct upstream_pool {
  int fds[4];
  unsigned next;
};

int upstream_pool_pick(struct upstream_pool *p);

// Round robin over the upstreams until one has data: still a spin when
// none has.
ssize_t pool_read_any(struct upstream_pool *p, char *buf, size_t cap) {
  for (;;) {
    ssize_t n = read(p->fds[p->next++ % 4], buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'p->fds[p->next++ % 4]' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && errno == EAGAIN)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: no fix-it: the descriptor expression has side effects and cannot be evaluated again
    return n;
  }
}

ssize_t pool_write_picked(struct upstream_pool *p, const char *buf,
                          size_t len) {
  ssize_t n;
  do {
    n = write(upstream_pool_pick(p), buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'upstream_pool_pick(p)' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: no fix-it: the descriptor expression has side effects and cannot be evaluated again
  } while (n < 0 && errno == EAGAIN);
  return n;
}

// An index without side effects is fine to repeat.
ssize_t pool_read_primary(struct upstream_pool *p, char *buf, size_t cap) {
  ssize_t n;
  do {
    n = read(p->fds[p->next % 4], buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'read' on fd 'p->fds[p->next % 4]' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {p->fds[p->next % 4], POLLIN, 0};{{$}}
