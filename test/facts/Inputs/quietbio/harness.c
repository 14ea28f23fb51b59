// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "common.h"

int run_client(mbedtls_ssl_config *conf, struct feed *f) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, f, buffer_send, buffer_recv, buffer_recv_timeout);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  return ret;
}

int run_flaky(mbedtls_ssl_config *conf, struct feed *f) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, f, buffer_send, flaky_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  return ret;
}

int run_shared_name(mbedtls_ssl_config *conf, struct feed *f) {
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, f, NULL, shared_name_recv, NULL);
  do
    ret = mbedtls_ssl_handshake(&ssl);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  return ret;
}
