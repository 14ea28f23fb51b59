// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// C++ side of nbio-busy-wait-retry-mbedtls-blocking-net.c: a net context
// handed to a helper template is judged on what the instantiation does
// with it. One that only sends on it keeps the session blocking; one that
// calls mbedtls_net_set_nonblock() on it makes the retry a spin, even
// where the call, dependent in the template, names no function yet.

#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <stddef.h>

template <class Ctx> static int hello(Ctx *c, const unsigned char *b, size_t n) {
  return mbedtls_net_send(c, b, n);
}

template <class Ctx> static void go_nonblocking(Ctx *c) {
  mbedtls_net_set_nonblock(c);
}

int greeted(mbedtls_ssl_config *conf, const unsigned char *b, size_t n) {
  mbedtls_net_context net;
  mbedtls_ssl_context ssl;
  int ret;
  if (mbedtls_net_connect(&net, "localhost", "4433", MBEDTLS_NET_PROTO_TCP))
    return -1;
  hello(&net, b, n);
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
  return ret;
}

int switched(mbedtls_ssl_config *conf) {
  mbedtls_net_context net;
  mbedtls_ssl_context ssl;
  int ret;
  if (mbedtls_net_connect(&net, "localhost", "4433", MBEDTLS_NET_PROTO_TCP))
    return -1;
  go_nonblocking(&net);
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}
