// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// Without SSL_MODE_ENABLE_PARTIAL_WRITE, SSL_write sends the whole buffer
// or fails (and is then retried with the same arguments), so testing only
// for failure is right. Here no context gets the mode: only the session
// held in 'struct relay' does, by SSL_set_mode on that field, and only its
// writes can come back short.

#include <openssl/ssl.h>
#include <stdlib.h>

struct client {
  SSL *ssl;
  char *out;
  int outlen;
};

struct relay {
  SSL *tls;
  char *buf;
  int len;
};

void relay_start(struct relay *r) {
  SSL_set_mode(r->tls, SSL_MODE_ENABLE_PARTIAL_WRITE);
}

// Default mode: whole or failed. Quiet.
int client_flush(struct client *c) {
  int n = SSL_write(c->ssl, c->out, c->outlen);
  if (n <= 0)
    return SSL_get_error(c->ssl, n) == SSL_ERROR_WANT_WRITE ? 1 : -1;
  free(c->out);
  c->out = NULL;
  return 0;
}

// The same shape on the session the program put in partial-write mode.
int relay_flush(struct relay *r) {
  int n = SSL_write(r->tls, r->buf, r->len);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'SSL_write' on OpenSSL session 'r->tls' in partial-write mode can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
  if (n <= 0)
    return SSL_get_error(r->tls, n) == SSL_ERROR_WANT_WRITE ? 1 : -1;
  free(r->buf);
  r->buf = NULL;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: after a short write the function returns here as if every byte was written
  // CHECK-MESSAGES: :28:3: note: partial-write mode is turned on here (SSL_MODE_ENABLE_PARTIAL_WRITE): a write longer than one record can return once part of the buffer is sent
}
