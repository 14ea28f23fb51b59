// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"
#include <sys/socket.h>
#include <unistd.h>

static ssize_t plain_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  plain_conn *c = ptr;
  return recv(c->fd, data, len, 0);
}

static ssize_t plain_push(gnutls_transport_ptr_t ptr, const void *data,
                          size_t len) {
  plain_conn *c = ptr;
  return send(c->fd, data, len, 0);
}

void plain_open(plain_conn *c) {
  c->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&c->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(c->session, plain_push);
  gnutls_transport_set_pull_function(c->session, plain_pull);
  gnutls_transport_set_ptr(c->session, c);
}

static ssize_t quick_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  quick_conn *c = ptr;
  return recv(c->fd, data, len, 0);
}

static ssize_t quick_push(gnutls_transport_ptr_t ptr, const void *data,
                          size_t len) {
  quick_conn *c = ptr;
  return send(c->fd, data, len, 0);
}

void quick_open(quick_conn *c) {
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_init(&c->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(c->session, quick_push);
  gnutls_transport_set_pull_function(c->session, quick_pull);
  gnutls_transport_set_ptr(c->session, c);
}
