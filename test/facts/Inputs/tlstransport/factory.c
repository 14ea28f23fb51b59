// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"

// Binds a fresh session to the caller's descriptor, whatever its mode, and
// hands it back: any session field of the project may end up holding it.
gnutls_session_t session_over(int fd) {
  gnutls_session_t s;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_int(s, fd);
  return s;
}
