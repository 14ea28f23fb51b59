// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// OpenSSL's SSL_write writes the whole buffer or fails, unless the program
// turns on SSL_MODE_ENABLE_PARTIAL_WRITE (servers do, so that one slow
// peer does not hold a large buffer in the TLS layer): then a write longer
// than one record (16,384 bytes of plaintext) can return a count of what
// went out so far. Code written for the default mode loses the rest.

#include <openssl/ssl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct peer {
  SSL *ssl;
  char *out;
  int outlen;
  int outoff;
};

void tls_setup(SSL_CTX *ctx) {
  SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE |
                            SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

// Only a failure is tested; the buffer is then freed as if all was sent.
int peer_flush(struct peer *p) {
  int n = SSL_write(p->ssl, p->out, p->outlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'SSL_write' on OpenSSL session 'p->ssl' in partial-write mode can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
  if (n <= 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the count is only tested for a failure here; a short count passes
    int err = SSL_get_error(p->ssl, n);
    return err == SSL_ERROR_WANT_WRITE ? 1 : -1;
  }
  free(p->out);
  p->out = NULL;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: after a short write the function returns here as if every byte was written
  // CHECK-MESSAGES: :25:3: note: partial-write mode is turned on here (SSL_MODE_ENABLE_PARTIAL_WRITE): a write longer than one record can return once part of the buffer is sent
}

// SSL_get_error() only sorts the result: SSL_ERROR_NONE says "some bytes
// went out", not "all of them".
int peer_flush_classified(struct peer *p) {
  int n = SSL_write(p->ssl, p->out, p->outlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'SSL_write' on OpenSSL session 'p->ssl' in partial-write mode can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
  switch (SSL_get_error(p->ssl, n)) {
  case SSL_ERROR_NONE:
    free(p->out);
    p->out = NULL;
    return 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: after a short write the function returns here as if every byte was written
  case SSL_ERROR_WANT_WRITE:
    return 1;
  default:
    return -1;
  }
}

// The kind compared with SSL_ERROR_NONE: the same.
int peer_flush_compared(struct peer *p) {
  int n = SSL_write(p->ssl, p->out, p->outlen);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'SSL_write' on OpenSSL session 'p->ssl' in partial-write mode can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
  if (SSL_get_error(p->ssl, n) != SSL_ERROR_NONE)
    return -1;
  p->outlen = 0;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: after a short write the function returns here as if every byte was written
}

// A short count compared with the length and taken for a failure.
int peer_send_or_drop(struct peer *p, const char *msg, int len) {
  if (SSL_write(p->ssl, msg, len) != len) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_write' on OpenSSL session 'p->ssl' in partial-write mode treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    SSL_free(p->ssl);
    p->ssl = NULL;
    return -1;
  }
  return 0;
}

// Look-alikes that must stay quiet.

// The loop moves past what was written (stunnel's s_ssl_write).
int peer_write_all(struct peer *p, const char *buf, int len) {
  while (len > 0) {
    int num = SSL_write(p->ssl, buf, len);
    int err = SSL_get_error(p->ssl, num);
    if (err == SSL_ERROR_NONE) {
      buf += num;
      len -= num;
    } else if (err != SSL_ERROR_WANT_WRITE) {
      return -1;
    }
  }
  return 0;
}

// The offset kept for the next writable event.
int peer_flush_resumable(struct peer *p) {
  int n = SSL_write(p->ssl, p->out + p->outoff, p->outlen - p->outoff);
  if (n <= 0)
    return SSL_get_error(p->ssl, n) == SSL_ERROR_WANT_WRITE ? 1 : -1;
  p->outoff += n;
  return p->outoff == p->outlen ? 0 : 1;
}

// The count handed back to the caller (redis's connTLSWrite).
int peer_write(struct peer *p, const void *data, int len) {
  int ret = SSL_write(p->ssl, data, len);
  if (ret <= 0)
    return -1;
  return ret;
}

// Partial writes turned off around a write that must be whole (redis's
// connTLSSyncWrite).
int peer_write_whole(struct peer *p, const char *data, int len) {
  SSL_clear_mode(p->ssl, SSL_MODE_ENABLE_PARTIAL_WRITE);
  int ret = SSL_write(p->ssl, data, len);
  SSL_set_mode(p->ssl, SSL_MODE_ENABLE_PARTIAL_WRITE);
  if (ret <= 0)
    return -1;
  return 0;
}

// No longer than one record: written whole or not at all.
int peer_send_header(struct peer *p) {
  char hdr[64];
  memset(hdr, 0, sizeof hdr);
  if (SSL_write(p->ssl, hdr, sizeof hdr) != (int)sizeof hdr)
    return -1;
  return 0;
}
