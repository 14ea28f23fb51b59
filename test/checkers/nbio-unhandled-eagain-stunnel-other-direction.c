// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Reduced from stunnel4 5.68 (src/network.c, s_ssl_write and
// s_ssl_read_eof): a helper that makes a blocking-looking SSL_write out of
// a non-blocking socket waits for the socket to be writable and retries on
// SSL_ERROR_WANT_WRITE, but any other error code, SSL_ERROR_WANT_READ
// included, throws the connection away. OpenSSL documents that SSL_write
// may want to read (a renegotiation) and SSL_read may want to write (the
// reply to a TLS 1.3 key update): on a non-blocking socket those are
// would-blocks like the others. Twins: the same loops that test both
// values, one that hands the other value back to its caller, and one that
// ends the connection on the other value after testing for it (a choice
// the code made, not an oversight).

#include <fcntl.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

struct relay {
  int fd;
  SSL *ssl;
};

void relay_fail(struct relay *r);

void relay_start(struct relay *r, SSL_CTX *ctx) {
  fcntl(r->fd, F_SETFL, fcntl(r->fd, F_GETFL) | O_NONBLOCK);
  r->ssl = SSL_new(ctx);
  SSL_set_fd(r->ssl, r->fd);
}

void relay_send_all(struct relay *r, const char *p, int len) {
  while (len > 0) {
    struct pollfd w = {r->fd, POLLOUT, 0};
    if (poll(&w, 1, 10000) != 1)
      relay_fail(r);
    int n = SSL_write(r->ssl, p, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'SSL_write' on OpenSSL session 'r->ssl' over a non-blocking descriptor handles SSL_ERROR_WANT_WRITE but treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    int e = SSL_get_error(r->ssl, n);
    if (e == SSL_ERROR_NONE) {
      p += n;
      len -= n;
    } else if (e == SSL_ERROR_WANT_WRITE) {
      continue;
    } else {
      SSL_free(r->ssl);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'SSL_write' can also want to read (a renegotiation, a TLS 1.3 key update); when it fails with SSL_ERROR_WANT_READ, 'SSL_free' ends the connection here
      close(r->fd);
      return;
    }
  }
}
// CHECK-MESSAGES: :32:3: note: 'r->fd' was made non-blocking here
// CHECK-MESSAGES: :34:3: note: the session takes that descriptor here

int relay_recv_all(struct relay *r, char *p, int len) {
  int got = 0;
  while (got < len) {
    struct pollfd rd = {r->fd, POLLIN, 0};
    if (!SSL_pending(r->ssl) && poll(&rd, 1, 10000) != 1)
      abort();
    int n = SSL_read(r->ssl, p + got, len - got);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'SSL_read' on OpenSSL session 'r->ssl' over a non-blocking descriptor handles SSL_ERROR_WANT_READ but treats SSL_ERROR_WANT_WRITE as a fatal error [nbio-unhandled-eagain]
    switch (SSL_get_error(r->ssl, n)) {
    case SSL_ERROR_NONE:
      got += n;
      break;
    case SSL_ERROR_ZERO_RETURN:
      return got;
    case SSL_ERROR_WANT_READ:
      break;
    default:
      abort();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'SSL_read' can also want to write (a renegotiation, a TLS 1.3 key update); when it fails with SSL_ERROR_WANT_WRITE, 'abort' ends the process here
    }
  }
  return got;
}
// CHECK-MESSAGES: :32:3: note: 'r->fd' was made non-blocking here
// CHECK-MESSAGES: :34:3: note: the session takes that descriptor here

// Both values tested: quiet.
void relay_send_both(struct relay *r, const char *p, int len) {
  while (len > 0) {
    struct pollfd w = {r->fd, POLLOUT | POLLIN, 0};
    if (poll(&w, 1, 10000) != 1)
      relay_fail(r);
    int n = SSL_write(r->ssl, p, len);
    int e = SSL_get_error(r->ssl, n);
    if (e == SSL_ERROR_NONE) {
      p += n;
      len -= n;
    } else if (e == SSL_ERROR_WANT_WRITE || e == SSL_ERROR_WANT_READ) {
      continue;
    } else {
      SSL_free(r->ssl);
      close(r->fd);
      return;
    }
  }
}

// The other value goes back to the caller, which may wait for it: quiet.
int relay_send_some(struct relay *r, const char *p, int len) {
  int n = SSL_write(r->ssl, p, len);
  int e = SSL_get_error(r->ssl, n);
  if (e == SSL_ERROR_NONE)
    return n;
  if (e == SSL_ERROR_WANT_WRITE)
    return 0;
  return -e;
}

// The other value is tested and ends the connection on purpose: quiet.
void relay_send_strict(struct relay *r, const char *p, int len) {
  int n = SSL_write(r->ssl, p, len);
  int e = SSL_get_error(r->ssl, n);
  if (e == SSL_ERROR_WANT_WRITE)
    return;
  if (e == SSL_ERROR_WANT_READ) {
    SSL_free(r->ssl); // this program does not renegotiate
    close(r->fd);
  }
}
