// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A write whose result is tested only to quiet glibc's warn_unused_result,
// where a cast to void does not: `if (write(...) == -1) { /* empty */ }`.
// keepalived writes each state change to its notify FIFO this way, a line
// it does not mind losing whole or in part. The test decides nothing, so
// the result is discarded, as `(void)write(...)` discards it: not this
// check's question. Twins whose branch does something are reported.

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct notifier {
  int fd;
};

void notifier_open(struct notifier *n, const char *path) {
  n->fd = open(path, O_WRONLY | O_NONBLOCK);
}

void notify_state(struct notifier *n, const char *line) {
  if (write(n->fd, line, strlen(line)) == -1) { /* nothing to do */ }
}

void notify_state_semicolon(struct notifier *n, const char *line) {
  if (write(n->fd, line, strlen(line)) < 0)
    ;
}

void notify_state_both_empty(struct notifier *n, const char *line) {
  if (write(n->fd, line, strlen(line)) != (ssize_t)strlen(line)) {
  } else {
  }
}

void notify_state_negated(struct notifier *n, char *line) {
  if (!write(n->fd, line, strlen(line))) {
  }
  free(line);
}

// Twin: the failure branch does something, so the test is real and a short
// count passes it.
int notify_state_logged(struct notifier *n, const char *line) {
  if (write(n->fd, line, strlen(line)) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'n->fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the count is only tested for a failure here; a short count passes
    return -1;
  }
  return 0;
}

// Twin: an empty branch with an else that does something.
int notify_state_else(struct notifier *n, const char *line) {
  int sent = 0;
  if (write(n->fd, line, strlen(line)) == -1) {
  } else {
    sent = 1;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:7: warning: 'write' on non-blocking fd 'n->fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
  return sent;
}

// Twin: a short count taken for a failure, with the empty branch only on
// the other side.
int notify_state_length(struct notifier *n, const char *line) {
  size_t len = strlen(line);
  if (write(n->fd, line, len) == (ssize_t)len) {
  } else {
    return -1;
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:7: warning: 'write' on non-blocking fd 'n->fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  return 0;
}
