// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Projects wrap the EAGAIN test, the call and even the retry in macros, and
// the test in small helpers. The check sees through a macro or a helper of
// the file that only tests errno and still offers the fix; when the call or
// the retry itself comes from a macro, it warns at the expansion and says
// why there is no fix. (The helper in an `if` or in a do/while condition is
// pinned in nbio-busy-wait-retry-helper-test.c.)

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

#define SOCK_ERR_RETRIABLE(e) ((e) == EAGAIN || (e) == EWOULDBLOCK)
#define IO_READ(fd, buf, len) read((fd), (buf), (len))
#define RETRY_IF_BLOCKED()                                                     \
  if (errno == EAGAIN)                                                         \
  continue

struct mq_client {
  int sock;
  char frame[128];
};

// The errno test from a macro: flagged, fixed as usual.
ssize_t mq_client_recv(struct mq_client *c) {
  ssize_t n;
  while ((n = recv(c->sock, c->frame, sizeof c->frame, 0)) < 0 &&
         SOCK_ERR_RETRIABLE(errno)) {
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'recv' on fd 'c->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  }
  return n;
}
// CHECK-FIXES: {{^}}         SOCK_ERR_RETRIABLE(errno)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {c->sock, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}

ssize_t mq_client_send(struct mq_client *c, const char *p, size_t len) {
  for (;;) {
    ssize_t n = send(c->sock, p, len, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'c->sock' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (n < 0 && SOCK_ERR_RETRIABLE(errno)) {
      continue;
    }
    return n;
  }
}
// CHECK-FIXES: {{^}}        struct pollfd wait_pfd = {c->sock, POLLOUT, 0};{{$}}

// The errno test in a helper function of the file.
int sock_err_retriable(int e) { return e == EAGAIN || e == EWOULDBLOCK; }

ssize_t mq_client_recv_helper(struct mq_client *c) {
  ssize_t n;
  while ((n = recv(c->sock, c->frame, sizeof c->frame, 0)) < 0 &&
         sock_err_retriable(errno)) {
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'recv' on fd 'c->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  }
  return n;
}
// CHECK-FIXES: {{^}}         sock_err_retriable(errno)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {c->sock, POLLIN, 0};{{$}}

// The call from a macro: warned at the expansion, no fix (more in
// nbio-busy-wait-retry-macro-fd-name.c).
ssize_t mq_client_recv_macro(struct mq_client *c) {
  ssize_t n;
  do {
    n = IO_READ(c->sock, c->frame, sizeof c->frame);
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// CHECK-MESSAGES: :[[@LINE-4]]:9: warning: 'read' on fd 'c->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
// CHECK-MESSAGES: :[[@LINE-5]]:9: note: no fix-it: the call is inside a macro expansion

// The retry from a macro: warned, no fix (a wait cannot go inside it).
ssize_t mq_client_read_retry_macro(struct mq_client *c) {
  for (;;) {
    ssize_t n = read(c->sock, c->frame, sizeof c->frame);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'c->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0) {
      RETRY_IF_BLOCKED();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
      return -1;
    }
    return n;
  }
}
// CHECK-MESSAGES: note: no fix-it: the retry is inside a macro expansion

// --- not a busy wait --------------------------------------------------------

#define WAIT_READABLE(fd) (void)usleep(1000)

ssize_t mq_client_recv_waiting(struct mq_client *c) {
  ssize_t n;
  while ((n = recv(c->sock, c->frame, sizeof c->frame, 0)) < 0 &&
         SOCK_ERR_RETRIABLE(errno))
    WAIT_READABLE(c->sock);
  return n;
}
