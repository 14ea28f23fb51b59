// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A TLS read loop may skip its wait when the library already holds
// decrypted data (`if (!SSL_pending(ssl)) poll(...)`, stunnel's
// s_ssl_read_eof): with data buffered, SSL_read returns it and does not
// want to read, so that path is no spin. Twin: a skip on any other
// condition spins.

#include <fcntl.h>
#include <openssl/ssl.h>
#include <poll.h>

struct tunnel {
  int fd;
  SSL *ssl;
};

void tunnel_bind(struct tunnel *t, SSL_CTX *ctx) {
  fcntl(t->fd, F_SETFL, fcntl(t->fd, F_GETFL) | O_NONBLOCK);
  t->ssl = SSL_new(ctx);
  SSL_set_fd(t->ssl, t->fd);
}

int tunnel_read(struct tunnel *t, char *p, int len) {
  int got = 0;
  while (got < len) {
    if (!SSL_pending(t->ssl)) {
      struct pollfd r = {t->fd, POLLIN, 0};
      if (poll(&r, 1, 5000) != 1)
        return -1;
    }
    int n = SSL_read(t->ssl, p + got, len - got);
    int e = SSL_get_error(t->ssl, n);
    if (e == SSL_ERROR_NONE)
      got += n;
    else if (e != SSL_ERROR_WANT_READ)
      return -1;
  }
  return got;
}

extern int hurry;

int tunnel_read_hurried(struct tunnel *t, char *p, int len) {
  int got = 0;
  while (got < len) {
    if (!hurry) {
      struct pollfd r = {t->fd, POLLIN, 0};
      if (poll(&r, 1, 5000) != 1)
        return -1;
    }
    int n = SSL_read(t->ssl, p + got, len - got);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'SSL_read' on the socket of 't->ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :49:21: note: the call is retried from here
    int e = SSL_get_error(t->ssl, n);
    if (e == SSL_ERROR_NONE)
      got += n;
    else if (e != SSL_ERROR_WANT_READ)
      return -1;
  }
  return got;
}
