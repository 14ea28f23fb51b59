// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The twin: a failed handshake returns before the flags are put back, so
// the caller's socket may stay non-blocking, and the write's retry spins.
#include <fcntl.h>
#include "tls.h"

static int handshake_leaky(gnutls_session_t s, int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  int ret;
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
    return -1;
  do {
    ret = gnutls_handshake(s);
    if (ret == GNUTLS_E_AGAIN &&
        wait_ready(fd, gnutls_record_get_direction(s)) <= 0)
      break;
  } while (ret == GNUTLS_E_AGAIN);
  if (ret < 0)
    return ret; // still non-blocking
  fcntl(fd, F_SETFL, flags);
  return ret;
}

int tls_open_leaky(int fd, struct tls_conn_leaky *c) {
  gnutls_init(&c->session, GNUTLS_CLIENT);
  gnutls_transport_set_int(c->session, fd);
  return handshake_leaky(c->session, fd);
}

int tls_write_leaky(struct tls_conn_leaky *c, const char *buf, int n) {
  int ret;
  do
    ret = gnutls_record_send(c->session, buf, n);
  while (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED);
  return ret;
}
