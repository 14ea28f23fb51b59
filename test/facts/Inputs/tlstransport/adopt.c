// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"
#include <sys/socket.h>

// Binds a session held in a local to a non-blocking socket, then stores it
// in the field other files retry on.
void plain_adopt(plain_conn *c) {
  gnutls_session_t s;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_int(s, fd);
  c->session = s;
}
