// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17
// Control: without the timeout, the loops left alone here are spins.
// RUN: sed 's/SO_RCVTIMEO/SO_KEEPALIVE/' %s > %t.keepalive.c
// RUN: %check_nbio --prefix=NOTIMEO %t.keepalive.c nbio-busy-wait-retry

// A failure-independent term under `!` counts as true like any other (it was
// once taken as false, so the NOTIMEO run missed `while (!w->stop)`).

// With SO_RCVTIMEO a blocking socket's recv() fails with EAGAIN when the
// timeout expires: it already waited. Worker threads use that to look at a
// stop flag now and then, and such a loop is not a spin. So when the file
// sets SO_RCVTIMEO, an EAGAIN retry of a receive on a descriptor not known
// to be non-blocking is left alone. Sends are not covered by a receive
// timeout, and a descriptor made non-blocking fails at once whatever the
// timeout says. The NOTIMEO run sets another option instead and shows the
// same loops reported.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>

// CHECK-FIXES: {{^}}#include <fcntl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// NOTIMEO-FIXES: {{^}}#include <poll.h>{{$}}

struct worker {
  int sock;
  int stop; /* set by the owner, under its lock */
  char buf[1024];
};

int worker_init(struct worker *w, int sock) {
  struct timeval tv = {1, 0};
  w->sock = sock;
  w->stop = 0;
  return setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

// Wakes up once a second to look at the stop flag.
ssize_t worker_recv(struct worker *w) {
  while (!w->stop) {
    ssize_t n = recv(w->sock, w->buf, sizeof w->buf, 0);
    // NOTIMEO-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 'w->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      continue;
    return n;
  }
  return 0;
}
// NOTIMEO-FIXES: struct pollfd wait_pfd = {w->sock, POLLIN, 0};

ssize_t worker_recv_do(struct worker *w) {
  ssize_t n;
  do {
    n = recv(w->sock, w->buf, sizeof w->buf, 0);
    // NOTIMEO-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'w->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// NOTIMEO-FIXES: {{^}}      struct pollfd wait_pfd = {w->sock, POLLIN, 0};{{$}}

// No send timeout is set: this one spins.
ssize_t worker_send(struct worker *w, const char *p, size_t len) {
  ssize_t n;
  do {
    n = send(w->sock, p, len, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on fd 'w->sock' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // NOTIMEO-MESSAGES: :[[@LINE-2]]:9: warning: 'send' on fd 'w->sock' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {w->sock, POLLOUT, 0};{{$}}
// NOTIMEO-FIXES: {{^}}      struct pollfd wait_pfd = {w->sock, POLLOUT, 0};{{$}}

// Non-blocking: the timeout does not apply, EAGAIN comes back at once.
ssize_t side_channel_recv(int fd, char *buf, size_t cap) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t n;
  do {
    n = recv(fd, buf, cap, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // NOTIMEO-MESSAGES: :[[@LINE-2]]:9: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'fd' was made non-blocking here
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
// NOTIMEO-FIXES: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}

// MSG_DONTWAIT makes this one call non-blocking, timeout or not.
ssize_t worker_peek(struct worker *w) {
  ssize_t n;
  do {
    n = recv(w->sock, w->buf, 1, MSG_PEEK | MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'w->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // NOTIMEO-MESSAGES: :[[@LINE-2]]:9: warning: 'recv' on fd 'w->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {w->sock, POLLIN, 0};{{$}}
