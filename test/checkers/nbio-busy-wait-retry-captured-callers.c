// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A static function's callers are all known only when every call of it is
// one the analysis sees. A call inside a captured statement (`#pragma
// clang __debug captured`; OpenMP's regions are captured statements too)
// is outside Stmt::children(), and C's scan of the file's references used
// to miss it: the one caller outside the pragma passed a blocking socket,
// so the retry below was taken to run on blocking sockets only, though the
// captured caller passes a SOCK_NONBLOCK one. Look-alike: the same helper
// whose every caller, outside any pragma, passes a blocking socket stays
// quiet (nbio-busy-wait-retry-shown-blocking-callers.c).

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

static int probe_send(int sockfd, const char *m, unsigned n) {
  ssize_t len;
  do {
    len = send(sockfd, m, n, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'send' on fd 'sockfd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}    if (len < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {sockfd, POLLOUT, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
  } while (len < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  return (int)len;
}

int run_blocking(const char *m, unsigned n) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  int rc = probe_send(fd, m, n);
  close(fd);
  return rc;
}

int run_captured(const char *m, unsigned n) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  int rc = 0;
#ifdef __clang__
#pragma clang __debug captured
#endif
  {
    rc = probe_send(fd, m, n);
  }
  close(fd);
  return rc;
}

// FIXME: a caller inside a captured statement is counted, but the analysis
// does not walk the statement's body (its calls are in no function's CFG),
// so the socket it passes is not seen to be blocking: this helper, whose
// only caller passes a blocking socket, is reported.
static int quiet_send(int sockfd, const char *m, unsigned n) {
  ssize_t len;
  do {
    len = send(sockfd, m, n, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'send' on fd 'sockfd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}    if (len < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {sockfd, POLLOUT, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
  } while (len < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  return (int)len;
}

int run_quiet(const char *m, unsigned n) {
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  int rc = 0;
#ifdef __clang__
#pragma clang __debug captured
#endif
  {
    rc = quiet_send(fd, m, n);
  }
  close(fd);
  return rc;
}
