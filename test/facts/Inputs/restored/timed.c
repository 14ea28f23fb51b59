// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// As tls.c, with the socket non-blocking only when there is a timeout,
// tested twice (wget's _do_handshake). The paths that set the flags and
// skip putting them back cannot run, but the analysis does not follow the
// two tests of one unchanged value: it takes tls_open_timed() for a setter.
#include <fcntl.h>
#include "tls.h"

static int handshake_timed(gnutls_session_t s, int fd, int timeout) {
  int flags = 0; // read only when there is a timeout
  int ret;
  if (timeout) {
    flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0)
      return -1;
    if (fcntl(fd, F_SETFL, flags | O_NONBLOCK))
      return -1;
  }
  do {
    ret = gnutls_handshake(s);
    if (ret == GNUTLS_E_AGAIN && timeout &&
        wait_ready(fd, gnutls_record_get_direction(s)) <= 0)
      break;
  } while (ret == GNUTLS_E_AGAIN);
  if (timeout && fcntl(fd, F_SETFL, flags) < 0)
    return -1;
  return ret;
}

int tls_open_timed(int fd, struct tls_conn_timed *c) {
  gnutls_init(&c->session, GNUTLS_CLIENT);
  gnutls_transport_set_int(c->session, fd);
  return handshake_timed(c->session, fd, 10);
}

int tls_write_timed(struct tls_conn_timed *c, const char *buf, int n) {
  int ret;
  do
    ret = gnutls_record_send(c->session, buf, n);
  while (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED);
  return ret;
}
