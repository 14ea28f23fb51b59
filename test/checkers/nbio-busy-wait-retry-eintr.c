// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Retrying on EINTR is the normal way to restart a call that a signal
// interrupted; it is not a busy wait, even on a non-blocking descriptor
// (the next attempt fails with EAGAIN and leaves). Folding EAGAIN into the
// same retry is the bug.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <fcntl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct log_sink {
  int fd;
};

void log_sink_open(struct log_sink *s, int fd) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  s->fd = fd;
}

// --- EINTR only -------------------------------------------------------------

ssize_t sink_write_eintr(struct log_sink *s, const char *p, size_t len) {
  ssize_t n;
  do {
    n = write(s->fd, p, len);
  } while (n < 0 && errno == EINTR);
  return n;
}

ssize_t sink_read_eintr(struct log_sink *s, char *p, size_t len) {
  for (;;) {
    ssize_t n = read(s->fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    return n;
  }
}

ssize_t sink_recv_eintr_switch(struct log_sink *s, char *p, size_t len) {
  for (;;) {
    ssize_t n = recv(s->fd, p, len, 0);
    if (n >= 0)
      return n;
    switch (errno) {
    case EINTR:
      continue;
    case EAGAIN:
      return 0;
    default:
      return -1;
    }
  }
}

// glibc's own helper loops on EINTR only.
ssize_t sink_write_temp_failure(struct log_sink *s, const char *p, size_t len) {
  return TEMP_FAILURE_RETRY(write(s->fd, p, len));
}

// Everything but EAGAIN goes round: EAGAIN itself leaves.
ssize_t sink_send_not_eagain(struct log_sink *s, const char *p, size_t len) {
  ssize_t n;
  do {
    n = send(s->fd, p, len, MSG_NOSIGNAL);
  } while (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
  return n;
}

// --- EINTR and EAGAIN together ----------------------------------------------

ssize_t sink_write_transient(struct log_sink *s, const char *p, size_t len) {
  ssize_t n;
  do {
    n = write(s->fd, p, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 's->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && (errno == EINTR || errno == EAGAIN));
  return n;
}
// CHECK-FIXES: {{^}}    if (n < 0 && (errno == EINTR || errno == EAGAIN)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {s->fd, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

ssize_t sink_recv_switch_fallthrough(struct log_sink *s, char *p, size_t len) {
  for (;;) {
    ssize_t n = recv(s->fd, p, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 's->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n >= 0)
      return n;
    switch (errno) {
    case EINTR:
    case EAGAIN:
      continue;
    default:
      return -1;
    }
  }
}
// CHECK-FIXES: {{^}}    case EINTR:{{$}}
// CHECK-FIXES-NEXT: {{^}}    case EAGAIN: {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {s->fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}
// CHECK-FIXES-NEXT: {{^}}    default:{{$}}

// The fd is known non-blocking: retrying on every error retries on EAGAIN.
ssize_t sink_write_any_error(struct log_sink *s, const char *p, size_t len) {
  ssize_t n;
  while ((n = write(s->fd, p, len)) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'write' on fd 's->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:42: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-97]]:3: note: 'fd' was made non-blocking here
  }
  return n;
}
// CHECK-FIXES: {{^}}  while ((n = write(s->fd, p, len)) < 0) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {s->fd, POLLOUT, 0};{{$}}
