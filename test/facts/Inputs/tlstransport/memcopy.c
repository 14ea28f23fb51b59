// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"
#include <string.h>
#include <sys/socket.h>

// Copies a session bound to a non-blocking socket into the field byte by
// byte.
void plain_clone(plain_conn *c) {
  gnutls_session_t s;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_int(s, fd);
  memcpy(&c->session, &s, sizeof s);
}
