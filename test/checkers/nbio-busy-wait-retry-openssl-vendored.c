// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry -- -std=c11 -I%S/Inputs/vendored
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17 -I%S/Inputs/vendored

// OpenSSL from a vendored tree (-I, not a system header): SSL_get_error()
// is OpenSSL's, known by its name, not a project function that might wait.
// The SSL_read loop that retries at once on SSL_ERROR_WANT_READ is
// reported as it is with the system's OpenSSL; the one that waits is not.

#include <openssl/ssl.h>
#include <poll.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

int tls_read(SSL *ssl, char *buf, int len) {
  for (;;) {
    int r = SSL_read(ssl, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'SSL_read' on the socket of 'ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    if (r > 0)
      return r;
    if (SSL_get_error(ssl, r) == SSL_ERROR_WANT_READ)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-FIXES: {{^}}    if (SSL_get_error(ssl, r) == SSL_ERROR_WANT_READ) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(ssl), POLLIN, 0};{{$}}
    return -1;
  }
}

int tls_read_waiting(SSL *ssl, char *buf, int len) {
  for (;;) {
    int r = SSL_read(ssl, buf, len);
    if (r > 0)
      return r;
    if (SSL_get_error(ssl, r) != SSL_ERROR_WANT_READ)
      return -1;
    struct pollfd p = {SSL_get_fd(ssl), POLLIN, 0};
    (void)poll(&p, 1, 1000);
  }
}
