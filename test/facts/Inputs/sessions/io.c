// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Reads through the sessions another file bound: a failed SSL_read drops
// the peer, SSL_ERROR_WANT_READ included.
#include "tunnel.h"

int tunnel_read(struct tunnel *t, char *buf, int len) {
  int n = SSL_read(t->ssl, buf, len);
  if (n <= 0) {
    SSL_free(t->ssl);
    drop(t);
    return -1;
  }
  return n;
}

int plain_read(struct plain *p, char *buf, int len) {
  int n = SSL_read(p->ssl, buf, len);
  if (n <= 0) {
    SSL_free(p->ssl);
    drop(p);
    return -1;
  }
  return n;
}
