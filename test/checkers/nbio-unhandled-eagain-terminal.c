// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A failure branch that ends the connection, exits, aborts or asserts
// without asking whether the call merely would have blocked.

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
  int fd;
  char buf[4096];
  size_t used;
};

void conn_free(struct conn *c);
void fatal(const char *what) __attribute__((noreturn));

static void make_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

void conn_open(struct conn *c, int fd) {
  make_nonblocking(fd);
  c->fd = fd;
}

// The classic: EOF and EAGAIN lumped together.
void on_readable_lumped(struct conn *c) {
  ssize_t n = read(c->fd, c->buf, sizeof c->buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    close(c->fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    return;
  }
  c->used = (size_t)n;
}
// CHECK-MESSAGES: :32:3: note: 'fd' was made non-blocking here

// The success branch first, the failure in the else.
void on_readable_else(struct conn *c) {
  ssize_t n = recv(c->fd, c->buf, sizeof c->buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n > 0) {
    c->used = (size_t)n;
  } else {
    conn_free(c);
  }
}

// Only EINTR is retried; EAGAIN falls through to the close.
void on_writable_eintr_only(struct conn *c) {
  for (;;) {
    ssize_t n = send(c->fd, c->buf, c->used, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    if (n == -1) {
      if (errno == EINTR)
        continue;
      perror("send");
      close(c->fd);
      return;
    }
    c->used -= (size_t)n;
    return;
  }
}

// Process-ending failure branches.
void read_or_exit(struct conn *c) {
  if (read(c->fd, c->buf, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    exit(1);
}

void read_or_abort(struct conn *c) {
  if (read(c->fd, c->buf, 1) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    fprintf(stderr, "read failed\n");
    abort();
  }
}

void read_or_die(struct conn *c) {
  if (read(c->fd, c->buf, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    fatal("read");
}

void read_asserted(struct conn *c) {
  ssize_t n = read(c->fd, c->buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  assert(n == 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: when it fails with EAGAIN, the assertion fails here without testing for EAGAIN or EWOULDBLOCK
  (void)n;
}

// ---- Correct code: nothing to report. ----

void on_readable_ok(struct conn *c) {
  ssize_t n = read(c->fd, c->buf, sizeof c->buf);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      return; // wait for the next readiness event
    close(c->fd);
    return;
  }
  if (n == 0) {
    close(c->fd); // EOF only
    return;
  }
  c->used = (size_t)n;
}

void on_readable_condition_ok(struct conn *c) {
  ssize_t n = read(c->fd, c->buf, sizeof c->buf);
  if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
    conn_free(c);
    return;
  }
  if (n > 0)
    c->used = (size_t)n;
}

void on_readable_switch_ok(struct conn *c) {
  ssize_t n = read(c->fd, c->buf, sizeof c->buf);
  if (n < 0) {
    switch (errno) {
    case EAGAIN:
      return;
    case EINTR:
      return;
    default:
      close(c->fd);
      return;
    }
  }
  c->used = (size_t)n;
}

// EOF is the only terminal case here; -1 is handed to the caller.
int on_readable_propagates(struct conn *c) {
  ssize_t n = read(c->fd, c->buf, sizeof c->buf);
  if (n == 0) {
    close(c->fd);
    return 0;
  }
  if (n < 0)
    return -1;
  c->used = (size_t)n;
  return 1;
}

// The connection is closed whatever the write did (a rejection message):
// that is its end of life, not EAGAIN taken for an error.
void reject(int fd) {
  make_nonblocking(fd);
  static const char msg[] = "ERROR too many connections\r\n";
  ssize_t n = write(fd, msg, sizeof msg - 1);
  close(fd);
  (void)n;
}

// Not known to be non-blocking: nothing to say.
void blocking_read(int fd, char *buf) {
  if (read(fd, buf, 16) <= 0)
    exit(1);
}
