// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Reduced from hitch 1.7.2 (src/hitch.c, client_proxy_proxy): before the
// TLS handshake, a PROXY protocol header is read straight from the BIO the
// session reads through (SSL_get_rbio), on an accepted socket made
// non-blocking, from a read watcher. A header split across segments makes
// BIO_read fail with "retry" (BIO_should_retry), and the connection is shut
// down. The BIO works over the session's descriptor, so it is as
// non-blocking as the session, which hitch binds on a local and then
// stores in the connection's state. Twin: the same read that asks
// BIO_should_retry first.

#define _GNU_SOURCE 1
#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

struct proxystate {
  int fd;
  SSL *ssl;
};

void shutdown_proxy(struct proxystate *ps) {
  SSL_free(ps->ssl);
  close(ps->fd);
}

// The session is bound on a local, then stored where the watcher finds it.
void proxy_accept(struct proxystate *ps, int lfd, SSL_CTX *ctx) {
  int client = accept4(lfd, 0, 0, SOCK_NONBLOCK);
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, client);
  ps->fd = client;
  ps->ssl = ssl;
}

void proxy_read_header(struct proxystate *ps) {
  char buf[12];
  BIO *b = SSL_get_rbio(ps->ssl);
  int n = BIO_read(b, buf, 12);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'BIO_read' on OpenSSL BIO session 'b' over a non-blocking descriptor treats BIO_should_retry() as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    shutdown_proxy(ps);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with BIO_should_retry(), 'shutdown_proxy' ends the connection here without testing for it
    return;
  }
}
// CHECK-MESSAGES: :35:16: note: 'accept4' creates a non-blocking descriptor here
// CHECK-MESSAGES: :37:3: note: the session takes that descriptor here

void proxy_read_header_retrying(struct proxystate *ps) {
  char buf[12];
  BIO *b = SSL_get_rbio(ps->ssl);
  int n = BIO_read(b, buf, 12);
  if (n <= 0) {
    if (BIO_should_retry(b))
      return; // wait for the next read event
    shutdown_proxy(ps);
  }
}

// Twin: the same shape over an accepted socket left blocking.
struct plainstate {
  int fd;
  SSL *ssl;
};

void plain_shutdown(struct plainstate *p) {
  SSL_free(p->ssl);
  close(p->fd);
}

void plain_accept(struct plainstate *p, int lfd, SSL_CTX *ctx) {
  int client = accept(lfd, 0, 0);
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, client);
  p->fd = client;
  p->ssl = ssl;
}

void plain_read_header(struct plainstate *p) {
  char buf[12];
  BIO *b = SSL_get_rbio(p->ssl);
  if (BIO_read(b, buf, 12) <= 0)
    plain_shutdown(p);
}
