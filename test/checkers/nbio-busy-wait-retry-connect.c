// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A non-blocking connect() answers EINPROGRESS, then EALREADY while the
// handshake runs. Calling it again until it succeeds (or says EISCONN)
// spins for a whole round trip; the fix waits for the socket to become
// writable, which is how the result of the handshake is announced.

#include <errno.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <netinet/in.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct upstream {
  int fd;
  struct sockaddr_in addr;
};

int upstream_connect(struct upstream *u) {
  u->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (u->fd < 0)
    return -1;
  for (;;) {
    int rc = connect(u->fd, (const struct sockaddr *)&u->addr, sizeof u->addr);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'connect' on fd 'u->fd' is retried on EINPROGRESS without waiting for it to become writable [nbio-busy-wait-retry]
    if (rc == 0 || errno == EISCONN)
      return 0;
    if (errno == EINPROGRESS || errno == EALREADY)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-11]]:11: note: 'socket' creates a non-blocking descriptor here
    close(u->fd);
    return -1;
  }
}
// CHECK-FIXES: {{^}}    if (errno == EINPROGRESS || errno == EALREADY) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {u->fd, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

int upstream_connect_do(int fd, const struct sockaddr_in *sa) {
  int rc;
  do {
    rc = connect(fd, (const struct sockaddr *)sa, sizeof *sa);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'connect' on fd 'fd' is retried on EINPROGRESS without waiting for it to become writable [nbio-busy-wait-retry]
  } while (rc < 0 && (errno == EINPROGRESS || errno == EALREADY));
  return rc;
}
// CHECK-FIXES: {{^}}    if (rc < 0 && (errno == EINPROGRESS || errno == EALREADY)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}

// --- not a busy wait --------------------------------------------------------

// The usual shape: wait for POLLOUT, then read SO_ERROR.
int wait_writable(int fd, int timeout_ms);

int upstream_connect_waiting(struct upstream *u) {
  int err = 0;
  socklen_t len = sizeof err;
  if (connect(u->fd, (const struct sockaddr *)&u->addr, sizeof u->addr) == 0)
    return 0;
  if (errno != EINPROGRESS)
    return -1;
  if (wait_writable(u->fd, 5000) <= 0)
    return -1;
  if (getsockopt(u->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err != 0)
    return -1;
  return 0;
}

// Retrying a refused connection to the next address makes progress.
int upstream_connect_any(int fd, const struct sockaddr_in *addrs, int n) {
  for (int i = 0; i < n; i++) {
    if (connect(fd, (const struct sockaddr *)&addrs[i], sizeof addrs[i]) == 0)
      return i;
    if (errno == ECONNREFUSED)
      continue;
    return -1;
  }
  return -1;
}

// Restarting a connect() that a signal interrupted is not the in-progress
// case.
int local_connect(int fd, const struct sockaddr *sa, socklen_t len) {
  int rc;
  do {
    rc = connect(fd, sa, len);
  } while (rc < 0 && errno == EINTR);
  return rc;
}
