// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Inside an event loop, the retry that goes back through epoll_wait() or
// poll() waits; a retry inside the handler's own inner loop does not. The
// wait has to be on the way back to the call: earlier in the same loop
// counts, a wait outside the inner loop does not.

#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct client {
  int fd;
  char buf[2048];
  size_t len;
};

void client_consume(struct client *c, size_t n);

// The loop polls before each read: EAGAIN after a spurious wake-up goes
// round through poll() again.
ssize_t client_read_polled(struct client *c) {
  struct pollfd p = {c->fd, POLLIN, 0};
  for (;;) {
    if (poll(&p, 1, 1000) <= 0)
      continue;
    ssize_t n = recv(c->fd, c->buf, sizeof c->buf, 0);
    if (n < 0 && errno == EAGAIN)
      continue;
    return n;
  }
}

// The same with the wait in the loop condition.
ssize_t client_read_cond_polled(struct client *c) {
  struct pollfd p = {c->fd, POLLIN, 0};
  ssize_t n = -1;
  while (poll(&p, 1, -1) > 0) {
    n = recv(c->fd, c->buf, sizeof c->buf, 0);
    if (n < 0 && errno == EAGAIN)
      continue;
    break;
  }
  return n;
}

// epoll: the handler goes back to epoll_wait() on EAGAIN.
void serve(int epfd) {
  struct epoll_event evs[16];
  for (;;) {
    int k = epoll_wait(epfd, evs, 16, -1);
    for (int i = 0; i < k; i++) {
      struct client *c = (struct client *)evs[i].data.ptr;
      ssize_t n = recv(c->fd, c->buf, sizeof c->buf, 0);
      if (n < 0 && errno == EAGAIN)
        continue;
      if (n > 0)
        client_consume(c, (size_t)n);
    }
  }
}

// The handler's inner loop retries without going back to epoll_wait():
// the outer wait does not help it.
void serve_spinning(int epfd) {
  struct epoll_event evs[16];
  for (;;) {
    int k = epoll_wait(epfd, evs, 16, -1);
    for (int i = 0; i < k; i++) {
      struct client *c = (struct client *)evs[i].data.ptr;
      for (;;) {
        ssize_t n = recv(c->fd, c->buf, sizeof c->buf, 0);
        // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'recv' on fd 'c->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
        if (n < 0 && errno == EAGAIN)
          continue;
        if (n > 0)
          client_consume(c, (size_t)n);
        break;
      }
    }
  }
}
// CHECK-FIXES: {{^}}        if (n < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}          struct pollfd wait_pfd = {c->fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}          (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}          continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}        }{{$}}

// A wait after the call on the success path only: the EAGAIN path skips it.
ssize_t client_read_wait_after(struct client *c) {
  struct pollfd p = {c->fd, POLLIN, 0};
  for (;;) {
    ssize_t n = recv(c->fd, c->buf, sizeof c->buf, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 'c->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && errno == EAGAIN)
      continue;
    if (n <= 0)
      return n;
    client_consume(c, (size_t)n);
    (void)poll(&p, 1, 0);
  }
}
// CHECK-FIXES: {{^}}    if (n < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {c->fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

// The call in the condition of a do/while: the condition cannot run twice,
// so there is no place for the fix.
ssize_t client_read_do_cond(struct client *c) {
  ssize_t n;
  do {
    c->len = 0;
  } while ((n = recv(c->fd, c->buf, sizeof c->buf, 0)) < 0 && errno == EAGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 'c->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  return n;
}
