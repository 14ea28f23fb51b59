// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"
#include <sys/socket.h>

// A helper that binds whatever session it is given to a descriptor.
static void attach(gnutls_session_t s, int fd) {
  gnutls_transport_set_int(s, fd);
}

void plain_rebind(plain_conn *c) {
  attach(c->session, socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
}
