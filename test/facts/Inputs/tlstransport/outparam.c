// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"
#include <sys/socket.h>

// Hands back, through a pointer, a session bound to a non-blocking socket.
void make_session(gnutls_session_t *out) {
  gnutls_session_t s;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_int(s, fd);
  *out = s;
}
