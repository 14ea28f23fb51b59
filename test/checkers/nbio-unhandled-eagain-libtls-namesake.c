// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain,nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain,nbio-busy-wait-retry -- -std=c++17

// A project's own tls_read/tls_handshake (a TLS layer of its own, over its
// own connection type) is not libtls: only functions that take libtls's
// `struct tls *` are read as libtls's, so these calls are judged by
// nothing here. The same code on libtls's context is reported
// (nbio-unhandled-eagain-libtls.c).

#include <sys/types.h>
#include <unistd.h>

struct conn {
  int fd;
  void *session;
};

ssize_t tls_read(struct conn *c, void *buf, size_t len);
int tls_handshake(struct conn *c);
int tls_close(struct conn *c);

ssize_t conn_read(struct conn *c, char *buf, size_t len) {
  ssize_t n = tls_read(c, buf, len);
  if (n < 0) {
    tls_close(c);
    close(c->fd);
    return -1;
  }
  return n;
}

int conn_handshake(struct conn *c) {
  int r;
  do {
    r = tls_handshake(c);
  } while (r == -2 || r == -3);
  return r;
}
