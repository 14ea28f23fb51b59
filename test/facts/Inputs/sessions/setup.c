// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Binds the sessions: the tunnel's over a non-blocking socket, the plain
// one's over a socket that stays blocking.
#include "tunnel.h"
#include <fcntl.h>
#include <sys/socket.h>

void tunnel_start(struct tunnel *t, SSL_CTX *ctx) {
  t->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  t->ssl = SSL_new(ctx);
  SSL_set_fd(t->ssl, t->fd);
}

void plain_start(struct plain *p, SSL_CTX *ctx) {
  p->fd = socket(AF_INET, SOCK_STREAM, 0);
  p->ssl = SSL_new(ctx);
  SSL_set_fd(p->ssl, p->fd);
}
