// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// wolfSSL has the same partial-write mode under OpenSSL's name (with
// another value), switched on with wolfSSL_CTX_set_mode.

#include <wolfssl/options.h>
#include <wolfssl/ssl.h>

int tls_init(WOLFSSL_CTX *ctx) {
  return (int)wolfSSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE);
}

int send_block(WOLFSSL *ssl, const unsigned char *block, int len) {
  int n = wolfSSL_write(ssl, block, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'wolfSSL_write' on wolfSSL session 'ssl' in partial-write mode treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  if (n != len)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: a short count is taken for a failure here
    return -1;
  return 0;
}

// Advancing through the block: quiet.
int send_block_all(WOLFSSL *ssl, const unsigned char *block, int len) {
  while (len > 0) {
    int n = wolfSSL_write(ssl, block, len);
    if (n <= 0) {
      if (wolfSSL_get_error(ssl, n) == WOLFSSL_ERROR_WANT_WRITE)
        continue;
      return -1;
    }
    block += n;
    len -= n;
  }
  return 0;
}
