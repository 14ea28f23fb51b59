// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A TLS layer that makes its socket non-blocking only for the handshake,
// to bound it with a wait, and puts the flags it read back before it
// returns (wget's GnuTLS transport). Its writes run on the blocking socket
// the caller gave: GNUTLS_E_AGAIN cannot come back, the retry never spins.
#include <fcntl.h>
#include "tls.h"

static int handshake(gnutls_session_t s, int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  int ret;
  if (flags < 0)
    return -1;
  if (fcntl(fd, F_SETFL, flags | O_NONBLOCK))
    return -1; // not changed: nothing to put back
  do {
    ret = gnutls_handshake(s);
    if (ret == GNUTLS_E_AGAIN &&
        wait_ready(fd, gnutls_record_get_direction(s)) <= 0)
      break;
  } while (ret == GNUTLS_E_AGAIN);
  if (fcntl(fd, F_SETFL, flags) < 0)
    return -1;
  return ret;
}

int tls_open(int fd, struct tls_conn *c) {
  gnutls_init(&c->session, GNUTLS_CLIENT);
  gnutls_transport_set_int(c->session, fd);
  return handshake(c->session, fd);
}

int tls_write(struct tls_conn *c, const char *buf, int n) {
  int ret;
  do
    ret = gnutls_record_send(c->session, buf, n);
  while (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED);
  return ret;
}
