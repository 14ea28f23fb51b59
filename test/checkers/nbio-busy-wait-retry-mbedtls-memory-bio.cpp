// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// The C++ shapes of nbio-busy-wait-retry-mbedtls-memory-bio.c. Quiet: a
// memory transport written as a class's static member in a namespace.
// Reported: a local changed through a reference before it is returned,
// and a virtual call, whose override may say "want read".

#include <mbedtls/ssl.h>
#include <stddef.h>
#include <string.h>

namespace memory {
struct buffer {
  const unsigned char *data = nullptr;
  size_t size = 0, at = 0;
  // mbed TLS's receive function, as a static member.
  static int recv(void *ctx, unsigned char *buf, size_t len) {
    buffer *in = static_cast<buffer *>(ctx);
    if (in->at == in->size)
      return 0;
    if (len > in->size - in->at)
      len = in->size - in->at;
    memcpy(buf, in->data + in->at, len);
    in->at += len;
    return static_cast<int>(len);
  }
};
} // namespace memory

int quiet_reader(mbedtls_ssl_config *conf, memory::buffer *in) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, in, nullptr, &memory::buffer::recv, nullptr);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  return ret;
}

// C++: a local changed through a reference, and a virtual call, whose
// override may say "want read".
static void fill_code(int &r) { r = MBEDTLS_ERR_SSL_WANT_READ; }

static int referenced_recv(void *ctx, unsigned char *buf, size_t len) {
  int ret = 0;
  (void)buf;
  (void)len;
  if (!ctx)
    fill_code(ret);
  return ret;
}

struct transport {
  virtual int pull(unsigned char *, size_t) { return -1; }
  virtual ~transport() = default;
};

static int virtual_recv(void *ctx, unsigned char *buf, size_t len) {
  return static_cast<transport *>(ctx)->pull(buf, len);
}

int cxx_readers(mbedtls_ssl_config *conf, void *ctx) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, referenced_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  mbedtls_ssl_set_bio(&ssl, ctx, NULL, virtual_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

