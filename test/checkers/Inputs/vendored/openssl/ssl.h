/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
/* A stand-in for a vendored OpenSSL (or BoringSSL) tree included with -I:
 * the same names and values as OpenSSL's, declared outside any system
 * header. */
#ifndef VENDORED_OPENSSL_SSL_H
#define VENDORED_OPENSSL_SSL_H
typedef struct ssl_st SSL;
int SSL_read(SSL *ssl, void *buf, int num);
int SSL_write(SSL *ssl, const void *buf, int num);
int SSL_get_error(const SSL *ssl, int ret);
int SSL_get_fd(const SSL *ssl);
int SSL_want_read(const SSL *ssl);
#define SSL_ERROR_WANT_READ 2
#define SSL_ERROR_WANT_WRITE 3
#endif
