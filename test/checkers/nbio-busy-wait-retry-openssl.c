// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// OpenSSL on a non-blocking socket reports "would block" through
// SSL_get_error(): SSL_ERROR_WANT_READ / SSL_ERROR_WANT_WRITE. Modelled on
// a remote-desktop server's TLS transport (xrdp issue 666, fixed in PR
// 670): `for (;;)` around SSL_read() continued on WANT_READ/WANT_WRITE and
// spun; the fix waits for the socket before trying again. The socket is
// not at hand in the loop, so the fix asks the SSL object: SSL_get_fd().

#include <openssl/ssl.h>
#include <sys/select.h>
#include <sys/time.h>

// CHECK-FIXES: {{^}}#include <openssl/ssl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct tls_trans {
  SSL *ssl;
  int sck;
  int status;
};

// Retrying WANT_READ and WANT_WRITE through one `continue` (the shape of
// the xrdp loop) is in nbio-busy-wait-retry-openssl-want-both.c.

int tls_trans_write(struct tls_trans *t, const char *data, int len) {
  for (;;) {
    int rv = SSL_write(t->ssl, data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'SSL_write' on the socket of 't->ssl' is retried on SSL_ERROR_WANT_WRITE without waiting for it to become writable [nbio-busy-wait-retry]
    switch (SSL_get_error(t->ssl, rv)) {
    case SSL_ERROR_NONE:
      return rv;
    case SSL_ERROR_WANT_WRITE: {
      continue;
    }
    default:
      return -1;
    }
  }
}
// CHECK-FIXES: {{^}}    case SSL_ERROR_WANT_WRITE: {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {SSL_get_fd(t->ssl), POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      }{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}

// The server side of the handshake had the same shape.
int tls_trans_accept(struct tls_trans *t) {
  while (1) {
    int rv = SSL_accept(t->ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'SSL_accept' on the socket of 't->ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    if (rv == 1)
      return 0;
    switch (SSL_get_error(t->ssl, rv)) {
    case SSL_ERROR_WANT_READ:
      continue;
    default:
      return -1;
    }
  }
}
// CHECK-FIXES: {{^}}    case SSL_ERROR_WANT_READ: {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(t->ssl), POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

// --- not a busy wait --------------------------------------------------------

// The fixed transport: wait for the direction OpenSSL asked for, with a
// helper of this file that calls select().
static int tcp_ready(int sck, int for_write, int millis) {
  fd_set set;
  struct timeval tv;
  FD_ZERO(&set);
  FD_SET(sck, &set);
  tv.tv_sec = millis / 1000;
  tv.tv_usec = (millis % 1000) * 1000;
  return select(sck + 1, for_write ? NULL : &set, for_write ? &set : NULL,
                NULL, &tv);
}

int tls_trans_read_fixed(struct tls_trans *t, char *data, int len) {
  for (;;) {
    int rv = SSL_read(t->ssl, data, len);
    switch (SSL_get_error(t->ssl, rv)) {
    case SSL_ERROR_NONE:
      return rv;
    case SSL_ERROR_WANT_READ:
      tcp_ready(t->sck, 0, 100);
      continue;
    case SSL_ERROR_WANT_WRITE:
      tcp_ready(t->sck, 1, 100);
      continue;
    default:
      return -1;
    }
  }
}

// An event-driven connection hands WANT_READ back to its event loop.
int tls_trans_read_once(struct tls_trans *t, char *data, int len) {
  int rv = SSL_read(t->ssl, data, len);
  switch (SSL_get_error(t->ssl, rv)) {
  case SSL_ERROR_NONE:
    return rv;
  case SSL_ERROR_WANT_READ:
  case SSL_ERROR_WANT_WRITE:
    return 0;
  default:
    return -1;
  }
}

// Retrying after SSL_ERROR_ZERO_RETURN or SYSCALL is not a would-block spin
// (and not this check's business).
int tls_trans_shutdown(struct tls_trans *t) {
  for (int i = 0; i < 2; i++) {
    int rv = SSL_shutdown(t->ssl);
    if (rv == 1)
      return 0;
    switch (SSL_get_error(t->ssl, rv)) {
    case SSL_ERROR_SYSCALL:
      continue;
    default:
      return -1;
    }
  }
  return -1;
}
