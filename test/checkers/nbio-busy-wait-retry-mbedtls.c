// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// mbed TLS over a non-blocking socket returns MBEDTLS_ERR_SSL_WANT_READ or
// MBEDTLS_ERR_SSL_WANT_WRITE. A loop that calls again at once spins; one
// that returns the code to its event loop does not. mbed TLS keeps the
// descriptor in its BIO context, so there is no fix-it.

#include <mbedtls/ssl.h>

int tls_write_all(mbedtls_ssl_context *ssl, const unsigned char *buf,
                  size_t len) {
  int ret;
  while ((ret = mbedtls_ssl_write(ssl, buf, len)) <= 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'mbedtls_ssl_write' on the socket of 'ssl' is retried on MBEDTLS_ERR_SSL_WANT_WRITE without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:57: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
    if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE)
      return ret;
  }
  return ret;
}

// Look-alike: the would-block codes go back to the caller.
int tls_read_once(mbedtls_ssl_context *ssl, unsigned char *buf, size_t len) {
  int ret = mbedtls_ssl_read(ssl, buf, len);
  if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE)
    return 0;
  return ret;
}
