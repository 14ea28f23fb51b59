// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// OpenSSL's error code tested elsewhere than in `switch (SSL_get_error())`:
// in an `if`, through a variable, in the do/while condition. SSL_get_error()
// is declared in a system header: it does not wait, so the walk goes on past
// it and the spin is reported (it once went unreported). The fix-it for the
// do/while form is in nbio-busy-wait-retry-do-cond-call.c.

#include <openssl/ssl.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

// The handshake loop of a TLS proxy, error code tested in an `if`.
int proxy_handshake(SSL *ssl) {
  for (;;) {
    int rv = SSL_do_handshake(ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'SSL_do_handshake' on the socket of 'ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    if (rv == 1)
      return 0;
    if (SSL_get_error(ssl, rv) == SSL_ERROR_WANT_READ)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    return -1;
  }
}
// CHECK-FIXES: {{^}}    if (SSL_get_error(ssl, rv) == SSL_ERROR_WANT_READ) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(ssl), POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

// The error code kept in a variable first.
int proxy_accept(SSL *ssl) {
  for (;;) {
    int rv = SSL_accept(ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'SSL_accept' on the socket of 'ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    if (rv == 1)
      return 0;
    int err = SSL_get_error(ssl, rv);
    if (err == SSL_ERROR_WANT_READ) {
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    }
    return -1;
  }
}
// CHECK-FIXES: {{^}}    if (err == SSL_ERROR_WANT_READ) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {SSL_get_fd(ssl), POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      }{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}

// The most common spelling of all: the do/while condition.
int proxy_write(SSL *ssl, const char *p, int n) {
  int rv;
  do {
    rv = SSL_write(ssl, p, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'SSL_write' on the socket of 'ssl' is retried on SSL_ERROR_WANT_WRITE without waiting for it to become writable [nbio-busy-wait-retry]
  } while (rv <= 0 && SSL_get_error(ssl, rv) == SSL_ERROR_WANT_WRITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  return rv;
}
