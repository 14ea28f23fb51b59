// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The TCP transport: its socket is created non-blocking through a flags
// variable; `put` only forwards to send() and hands its count back; `get`
// waits for readability first, so it is no thin wrapper.
#include "conn.h"
#include <poll.h>
#include <sys/socket.h>

static int tcp_open(struct conn *c) {
  int type = SOCK_STREAM;
  type |= SOCK_NONBLOCK;
  c->sock = socket(PF_INET, type, 0);
  c->quiet_sock = socket(PF_INET, SOCK_STREAM, 0);
  return c->sock < 0 ? -1 : 0;
}

static ssize_t tcp_put(struct conn *c, const unsigned char *b, int n) {
  return send(c->sock, (const char *)b, n, MSG_NOSIGNAL);
}

static ssize_t tcp_get(struct conn *c, unsigned char *b, int n) {
  struct pollfd p = {c->sock, POLLIN, 0};
  if (poll(&p, 1, 1000) <= 0)
    return -1;
  return recv(c->sock, b, n, 0);
}

const struct transport tcp_transport = {tcp_open, tcp_put, tcp_get};
