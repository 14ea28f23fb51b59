// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// `strlen()` of a string literal, or of a local pointer whose every value
// is one, is no longer than the longest literal: such a write is as short
// as a constant one, and MinimumLength (64 by default) applies to it.
// Reduced from bitlbee's IPC master, which answers a takeover request with
// one of two fixed lines and drops the child when the count is not the
// length. Twins: the pointer also takes a built line, its address is
// handed to a function, or a literal is longer than MinimumLength; all
// reported.

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

struct child {
  int ipc_fd;
};

void child_drop(struct child *c);
void pick_answer(const char **out);

void child_open(struct child *c, int fd) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  c->ipc_fd = fd;
}

void answer_takeover(struct child *c, int ok) {
  const char *resp;
  if (ok)
    resp = "TAKEOVER INIT\r\n";
  else
    resp = "TAKEOVER NO\r\n";
  if (write(c->ipc_fd, resp, strlen(resp)) != (ssize_t)strlen(resp))
    child_drop(c);
}

void answer_choice(struct child *c, int ok) {
  const char *resp = ok ? "YES\r\n" : "NO\r\n";
  if (write(c->ipc_fd, resp, strlen(resp)) != (ssize_t)strlen(resp))
    child_drop(c);
}

void answer_literal(struct child *c) {
  if (write(c->ipc_fd, "PING\r\n", strlen("PING\r\n")) != 6)
    child_drop(c);
}

// Twin: one of the values is a line built at run time.
void answer_built(struct child *c, int ok, const char *line) {
  const char *resp = "TAKEOVER NO\r\n";
  if (ok)
    resp = line;
  if (write(c->ipc_fd, resp, strlen(resp)) != (ssize_t)strlen(resp))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'c->ipc_fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    child_drop(c);
}

// Twin: another function may store anything through the pointer's address.
void answer_picked(struct child *c) {
  const char *resp = "TAKEOVER NO\r\n";
  pick_answer(&resp);
  if (write(c->ipc_fd, resp, strlen(resp)) != (ssize_t)strlen(resp))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'c->ipc_fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    child_drop(c);
}

// Twin: a literal longer than MinimumLength.
void answer_banner(struct child *c, int ok) {
  const char *resp = "NOTICE the master is restarting: every session will be "
                     "handed over to the new process in a few seconds\r\n";
  if (!ok)
    resp = "NO\r\n";
  if (write(c->ipc_fd, resp, strlen(resp)) != (ssize_t)strlen(resp))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'c->ipc_fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    child_drop(c);
}
