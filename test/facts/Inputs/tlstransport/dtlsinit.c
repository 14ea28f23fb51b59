// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"

// Makes the field's session a DTLS one that does not wait for its own
// timeouts.
void plain_dtls(plain_conn *c) {
  gnutls_init(&c->session, GNUTLS_CLIENT | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
}
