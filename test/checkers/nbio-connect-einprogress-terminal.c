// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// What counts as ending the connection on the failure path: closing or
// shutting the socket down, tearing its owner down, leaving the process
// (exit, abort, a failed assertion, err(), a noreturn function). Handing
// the failure back, or cleaning up something else, does not.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <assert.h>
#include <err.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct backend {
  int fd;
  char *name;
  struct sockaddr_in addr;
  int failures;
};

__attribute__((noreturn)) static void die_with(const char *what) {
  perror(what);
  exit(2);
}

static void backend_destroy(struct backend *b) {
  if (b->fd >= 0)
    close(b->fd);
  free(b->name);
  b->name = NULL;
  b->fd = -1;
}

static void sock_close(int fd) {
  if (fd >= 0)
    close(fd);
}

static void note_failure(struct backend *b) { b->failures++; }

static int backend_socket(struct backend *b) {
  b->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  return b->fd;
}

// --- Positive cases --------------------------------------------------------

static void backend_connect_or_exit(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'b->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    fprintf(stderr, "%s: %s\n", b->name, strerror(errno));
    exit(EXIT_FAILURE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'exit' ends the process here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-12]]:11: note: 'socket' creates a non-blocking descriptor here
  }
}
// CHECK-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-FIXES: if (nbio_connect_wait(connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr), b->fd, 5000) < 0) {

static void backend_connect_or_abort(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'b->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    abort();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'abort' ends the process here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-23]]:11: note: 'socket' creates a non-blocking descriptor here
}
// CHECK-FIXES: if (nbio_connect_wait(connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr), b->fd, 5000) != 0)

static void backend_connect_assert(struct backend *b) {
  int rc = connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'connect' on non-blocking fd 'b->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  assert(rc == 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: when it fails with EINPROGRESS, the assertion fails here without testing for EINPROGRESS
  // CHECK-MESSAGES: :[[@LINE-32]]:11: note: 'socket' creates a non-blocking descriptor here
  (void)rc;
}
// CHECK-FIXES: int rc = nbio_connect_wait(connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr), b->fd, 5000);

static void backend_connect_err(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'b->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    err(1, "connect to %s", b->name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'err' ends the process here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-42]]:11: note: 'socket' creates a non-blocking descriptor here
}
// CHECK-FIXES: if (nbio_connect_wait(connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr), b->fd, 5000) < 0)

static void backend_connect_or_die(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'b->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    die_with("connect");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'die_with' (which does not return) is called here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-51]]:11: note: 'socket' creates a non-blocking descriptor here
}
// CHECK-FIXES: if (nbio_connect_wait(connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr), b->fd, 5000) < 0)

static int backend_connect_destroy(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'b->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    note_failure(b);
    backend_destroy(b);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'backend_destroy' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-61]]:11: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return 0;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr), b->fd, 5000) < 0) {

static int backend_connect_shutdown(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'b->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    shutdown(b->fd, SHUT_RDWR);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'shutdown' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-73]]:11: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return 0;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr), b->fd, 5000) < 0) {

static int connect_local(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    sock_close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'sock_close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {

// --- Negative cases --------------------------------------------------------

// Freeing another member of the owner does not end the connection.
static int backend_connect_forget_name(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) < 0) {
    free(b->name);
    b->name = NULL;
    return -1;
  }
  return 0;
}

// A buffer of the caller's, not the connection.
static int connect_scratch(const struct sockaddr_in *sa, char *scratch) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    free(scratch);
    return -1;
  }
  return fd;
}

// Counting the failure and retrying later.
static int backend_connect_later(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) < 0) {
    note_failure(b);
    return -1;
  }
  return 0;
}

// Closing only when errno says the attempt is really over.
static int backend_connect_ok(struct backend *b) {
  if (connect(b->fd, (const struct sockaddr *)&b->addr, sizeof b->addr) < 0 &&
      errno != EINPROGRESS) {
    backend_destroy(b);
    return -1;
  }
  return 0;
}

// The TU reads the result of in-progress connections back.
static int backend_connected(struct backend *b) {
  int e = 0;
  socklen_t len = sizeof e;
  return getsockopt(b->fd, SOL_SOCKET, SO_ERROR, &e, &len) == 0 && e == 0;
}

int terminal_demo(struct backend *b, char *scratch);
int terminal_demo(struct backend *b, char *scratch) {
  if (backend_socket(b) < 0)
    return -1;
  switch (b->failures) {
  case 0:
    backend_connect_or_exit(b);
    break;
  case 1:
    backend_connect_or_abort(b);
    break;
  case 2:
    backend_connect_assert(b);
    break;
  case 3:
    backend_connect_err(b);
    break;
  case 4:
    backend_connect_or_die(b);
    break;
  default:
    break;
  }
  int r = backend_connect_destroy(b) + backend_connect_shutdown(b);
  r += connect_local(&b->addr) + backend_connect_forget_name(b);
  r += connect_scratch(&b->addr, scratch) + backend_connect_later(b);
  return r + backend_connect_ok(b) + backend_connected(b);
}
