// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Drain loops: with edge-triggered epoll, a handler reads (or accepts) until
// the kernel says EAGAIN, and then leaves the loop to wait in the event
// loop. That is the correct use of EAGAIN; only the handler that turns the
// same test into `continue` spins.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct et_conn {
  int fd;
  char in[4096];
  size_t inlen;
  int closed;
};

void et_conn_consume(struct et_conn *c, size_t n);
void et_server_add(int listen_fd, int fd);

// Reads until EAGAIN, then returns to the event loop.
int et_conn_on_readable(struct et_conn *c) {
  for (;;) {
    ssize_t n = read(c->fd, c->in + c->inlen, sizeof c->in - c->inlen);
    if (n > 0) {
      et_conn_consume(c, (size_t)n);
      continue;
    }
    if (n == 0) {
      c->closed = 1;
      return 0;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      break;
    if (errno == EINTR)
      continue;
    return -1;
  }
  return 1;
}

// Accepts every queued connection, then returns.
void et_server_on_readable(int listen_fd) {
  while (1) {
    int fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EAGAIN)
        return;
      if (errno == ECONNABORTED || errno == EINTR)
        continue;
      return;
    }
    et_server_add(listen_fd, fd);
  }
}

// A do/while drain: the loop goes round only while data keeps coming.
size_t et_conn_discard(int fd) {
  char scratch[512];
  size_t total = 0;
  ssize_t n;
  do {
    n = recv(fd, scratch, sizeof scratch, MSG_DONTWAIT);
    if (n > 0)
      total += (size_t)n;
  } while (n > 0);
  return total;
}

// The same handler, but EAGAIN goes round again: it never gets back to
// epoll_wait() and burns the core until the peer sends more.
int et_conn_on_readable_spinning(struct et_conn *c) {
  for (;;) {
    ssize_t n = read(c->fd, c->in + c->inlen, sizeof c->in - c->inlen);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'c->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n > 0) {
      et_conn_consume(c, (size_t)n);
      return 1;
    }
    if (n == 0)
      return 0;
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
      continue;
    return -1;
  }
}
// CHECK-FIXES: {{^}}    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {c->fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

void et_server_on_readable_spinning(int listen_fd) {
  while (1) {
    int fd = accept(listen_fd, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'accept' on fd 'listen_fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (fd < 0 && errno == EAGAIN) {
      continue;
    }
    if (fd >= 0)
      et_server_add(listen_fd, fd);
    return;
  }
}
// CHECK-FIXES: {{^}}        struct pollfd wait_pfd = {listen_fd, POLLIN, 0};{{$}}
