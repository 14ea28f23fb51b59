// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A constructor that makes the connection's socket non-blocking only when
// its caller asks (`if (nonblock) fcntl(...)`) and then stores it in a
// field: which objects the callers ask it for, the field's one key for
// every object cannot tell (reduced from memcached's test client, whose
// one non-blocking connection fills a socket on purpose while every other
// connection is blocking). The field is not taken as non-blocking for that
// store. Twin: a constructor that always makes it non-blocking.

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct client {
  int sock;
};

struct client *client_new(bool nonblock) {
  struct client *c = (struct client *)calloc(1, sizeof *c);
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  if (sock >= 0 && nonblock)
    fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK);
  c->sock = sock;
  return c;
}

void client_send(struct client *c, const char *cmd, size_t len) {
  if (write(c->sock, cmd, len) < 0)
    abort();
}

struct peer {
  int sock;
};

struct peer *peer_new(void) {
  struct peer *p = (struct peer *)calloc(1, sizeof *p);
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK);
  p->sock = sock;
  return p;
}

void peer_send(struct peer *p, const char *cmd, size_t len) {
  // CHECK-MESSAGES: :[[@LINE+1]]:7: warning: 'write' on non-blocking fd 'p->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (write(p->sock, cmd, len) < 0)
    abort();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'abort' ends the process here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :45:3: note: 'sock' was made non-blocking here
}
