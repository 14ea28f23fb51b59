// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Send-queue loops whose condition assigns (`(c = l->q.head) != NULL`) or
// calls a function (`!outq_empty(&l->q)`): nothing on the EAGAIN path
// changes what the condition reads, so it stays as true as it was when the
// loop was entered, and both loops spin.

// A failure-independent term under `!` counts as true like any other (it was
// once taken as false, hiding `while (!outq_empty(&l->q))`).

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct chunk {
  struct chunk *next;
  const char *data;
  size_t len;
  size_t done;
};

struct outq {
  struct chunk *head;
};

struct link {
  int fd;
  struct outq q;
};

void outq_pop(struct outq *q);

int outq_empty(const struct outq *q) { return q->head == NULL; }

// The queue walked with an assignment in the condition.
int link_flush(struct link *l) {
  struct chunk *c;
  while ((c = l->q.head) != NULL) {
    ssize_t n = send(l->fd, c->data + c->done, c->len - c->done, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'l->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (n < 0) {
      if (errno == EAGAIN)
        continue;
      return -1;
    }
    c->done += (size_t)n;
    if (c->done == c->len)
      outq_pop(&l->q);
  }
  return 0;
}
// CHECK-FIXES: struct pollfd wait_pfd = {l->fd, POLLOUT, 0};

// The queue tested through a helper.
int link_flush_helper(struct link *l) {
  while (!outq_empty(&l->q)) {
    struct chunk *c = l->q.head;
    ssize_t n = send(l->fd, c->data + c->done, c->len - c->done, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'l->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (n < 0) {
      if (errno == EAGAIN)
        continue;
      return -1;
    }
    c->done += (size_t)n;
    if (c->done == c->len)
      outq_pop(&l->q);
  }
  return 0;
}
// CHECK-FIXES: struct pollfd wait_pfd = {l->fd, POLLOUT, 0};
