// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Loops that go round again after EAGAIN but are not spinning on the same
// call: a bounded number of attempts, a walk to the next descriptor, or a
// function the check cannot see into that takes the descriptor (an event
// library's "arm" call may well wait). One real spin sits among them so
// that the file shows the difference.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct worker {
  int fd;
  int fds[8];
  int nfds;
  char buf[256];
};

// A bounded retry: the counter in the condition moves on the retry path.
ssize_t worker_read_tries(struct worker *w) {
  ssize_t n = -1;
  for (int tries = 0; tries < 3; tries++) {
    n = read(w->fd, w->buf, sizeof w->buf);
    if (n < 0 && errno == EAGAIN)
      continue;
    break;
  }
  return n;
}

ssize_t worker_read_budget(struct worker *w) {
  int budget = 16;
  ssize_t n = -1;
  while (budget > 0) {
    n = read(w->fd, w->buf, sizeof w->buf);
    if (n < 0 && errno == EAGAIN) {
      budget--;
      continue;
    }
    break;
  }
  return n;
}

// Each round reads another descriptor.
ssize_t worker_read_any(struct worker *w) {
  for (int i = 0; i < w->nfds; i++) {
    ssize_t n = read(w->fds[i], w->buf, sizeof w->buf);
    if (n < 0 && errno == EAGAIN)
      continue;
    return n;
  }
  return -1;
}

// A function without a body in this file takes the descriptor before the
// retry: it may be the wait.
void reactor_want_read(int fd);

ssize_t worker_read_armed(struct worker *w) {
  for (;;) {
    ssize_t n = read(w->fd, w->buf, sizeof w->buf);
    if (n < 0 && errno == EAGAIN) {
      reactor_want_read(w->fd);
      continue;
    }
    return n;
  }
}

// A function without a body that does not take the descriptor is no
// excuse: the same call comes round again at once.
void stats_count_eagain(void);

ssize_t worker_read_counted(struct worker *w) {
  for (;;) {
    ssize_t n = read(w->fd, w->buf, sizeof w->buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'w->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && errno == EAGAIN) {
      stats_count_eagain();
      continue;
    }
    return n;
  }
}
// CHECK-FIXES: {{^}}      stats_count_eagain();{{$}}
// CHECK-FIXES-NEXT: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {w->fd, POLLIN, 0};{{$}}
