// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"
#include <sys/socket.h>

// Binds a fresh session to a blocking socket of its own and hands it back:
// whichever field comes to hold it, the session waits in the socket.
gnutls_session_t blocking_session(void) {
  gnutls_session_t s;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_int(s, fd);
  return s;
}
