// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A TLS or SSH session over a non-blocking descriptor says "would block"
// in its library's words (SSL_ERROR_WANT_READ, GNUTLS_E_AGAIN,
// LIBSSH2_ERROR_EAGAIN). A read whose failure branch tears the connection
// down without asking for them drops a client that was only slow. The
// session is known non-blocking through the call that gives it its
// descriptor (SSL_set_fd, gnutls_transport_set_int) or the library's own
// switch (libssh2_session_set_blocking(s, 0)). Twins: the same reads that
// test the library's code, and sessions over blocking descriptors.

#include <fcntl.h>
#include <gnutls/gnutls.h>
#include <libssh2.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

struct tls_conn {
  int fd;
  SSL *ssl;
};

void tls_conn_attach(struct tls_conn *c, SSL_CTX *ctx) {
  fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL, 0) | O_NONBLOCK);
  c->ssl = SSL_new(ctx);
  SSL_set_fd(c->ssl, c->fd);
}

int tls_conn_read(struct tls_conn *c, char *buf, int len) {
  int n = SSL_read(c->ssl, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'SSL_read' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    SSL_free(c->ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with SSL_ERROR_WANT_READ, 'SSL_free' ends the connection here without testing for it
    close(c->fd);
    return -1;
  }
  return n;
}
// CHECK-MESSAGES: :[[@LINE-16]]:3: note: 'c->fd' was made non-blocking here
// CHECK-MESSAGES: :[[@LINE-15]]:3: note: the session takes that descriptor here

int tls_conn_read_checked(struct tls_conn *c, char *buf, int len) {
  int n = SSL_read(c->ssl, buf, len);
  if (n <= 0) {
    int e = SSL_get_error(c->ssl, n);
    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
      return 0;
    SSL_free(c->ssl);
    close(c->fd);
    return -1;
  }
  return n;
}

// A session over a blocking descriptor never wants to read again.
int tls_read_blocking(SSL_CTX *ctx, char *buf, int len) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  int n = SSL_read(ssl, buf, len);
  if (n <= 0) {
    SSL_free(ssl);
    close(fd);
    return -1;
  }
  return n;
}

int gnutls_read_once(gnutls_session_t s, char *buf, size_t len) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_transport_set_int(s, fd);
  ssize_t r = gnutls_record_recv(s, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'gnutls_record_recv' on GnuTLS session 's' over a non-blocking descriptor treats GNUTLS_E_AGAIN as a fatal error [nbio-unhandled-eagain]
  if (r < 0) {
    gnutls_deinit(s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with GNUTLS_E_AGAIN, 'gnutls_deinit' ends the connection here without testing for it
    close(fd);
    return -1;
  }
  // CHECK-MESSAGES: :[[@LINE-10]]:12: note: 'socket' creates a non-blocking descriptor here
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the session takes that descriptor here
  return (int)r;
}

int gnutls_read_again(gnutls_session_t s, char *buf, size_t len) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_transport_set_int(s, fd);
  ssize_t r = gnutls_record_recv(s, buf, len);
  if (r == GNUTLS_E_AGAIN || r == GNUTLS_E_INTERRUPTED)
    return 0;
  if (r < 0) {
    gnutls_deinit(s);
    close(fd);
    return -1;
  }
  return (int)r;
}

// A channel works in its session's mode.
int ssh_read(LIBSSH2_SESSION *session, char *buf, size_t len) {
  libssh2_session_set_blocking(session, 0);
  LIBSSH2_CHANNEL *ch = libssh2_channel_open_session(session);
  ssize_t n = libssh2_channel_read(ch, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'libssh2_channel_read_ex' on libssh2 session 'ch' over a non-blocking descriptor treats LIBSSH2_ERROR_EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    libssh2_channel_free(ch);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with LIBSSH2_ERROR_EAGAIN, 'libssh2_channel_free' ends the connection here without testing for it
    return -1;
  }
  // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'libssh2_session_set_blocking' makes the session non-blocking here
  return (int)n;
}

// Its twin's session stays blocking.
int ssh_read_blocking(LIBSSH2_SESSION *session, char *buf, size_t len) {
  libssh2_session_set_blocking(session, 1);
  LIBSSH2_CHANNEL *ch = libssh2_channel_open_session(session);
  ssize_t n = libssh2_channel_read(ch, buf, len);
  if (n < 0) {
    libssh2_channel_free(ch);
    return -1;
  }
  return (int)n;
}

// mbed TLS: the session reads from a net context made non-blocking.
struct mbed_peer {
  mbedtls_ssl_context ssl;
  mbedtls_net_context net;
};

void mbed_peer_setup(struct mbed_peer *p) {
  mbedtls_net_set_nonblock(&p->net);
  mbedtls_ssl_set_bio(&p->ssl, &p->net, mbedtls_net_send, mbedtls_net_recv,
                      NULL);
}

int mbed_peer_read(struct mbed_peer *p, unsigned char *buf, size_t len) {
  int r = mbedtls_ssl_read(&p->ssl, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'mbedtls_ssl_read' on mbed TLS session '&p->ssl' over a non-blocking descriptor treats MBEDTLS_ERR_SSL_WANT_READ as a fatal error [nbio-unhandled-eagain]
  if (r < 0) {
    mbedtls_ssl_free(&p->ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with MBEDTLS_ERR_SSL_WANT_READ, 'mbedtls_ssl_free' ends the connection here without testing for it
    return -1;
  }
  return r;
}
// CHECK-MESSAGES: :[[@LINE-15]]:3: note: 'mbedtls_net_set_nonblock' makes the session's transport non-blocking here
// CHECK-MESSAGES: :[[@LINE-15]]:3: note: the session takes that descriptor here

int mbed_peer_read_again(struct mbed_peer *p, unsigned char *buf, size_t len) {
  int r = mbedtls_ssl_read(&p->ssl, buf, len);
  if (r == MBEDTLS_ERR_SSL_WANT_READ || r == MBEDTLS_ERR_SSL_WANT_WRITE)
    return 0;
  if (r < 0) {
    mbedtls_ssl_free(&p->ssl);
    return -1;
  }
  return r;
}

// mbed TLS has a code per direction: a read that handles only its own and
// frees the session on MBEDTLS_ERR_SSL_WANT_WRITE (a read can want to
// write) is reported; one that hands every other code back is not.
int mbed_peer_read_one_way(struct mbed_peer *p, unsigned char *buf,
                           size_t len) {
  int r = mbedtls_ssl_read(&p->ssl, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'mbedtls_ssl_read' on mbed TLS session '&p->ssl' over a non-blocking descriptor handles MBEDTLS_ERR_SSL_WANT_READ but treats MBEDTLS_ERR_SSL_WANT_WRITE as a fatal error [nbio-unhandled-eagain]
  if (r == MBEDTLS_ERR_SSL_WANT_READ)
    return 0;
  if (r < 0) {
    mbedtls_ssl_free(&p->ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'mbedtls_ssl_read' can also want to write (a renegotiation, a TLS 1.3 key update); when it fails with MBEDTLS_ERR_SSL_WANT_WRITE, 'mbedtls_ssl_free' ends the connection here
    return -1;
  }
  return r;
}
// CHECK-MESSAGES: :141:3: note: 'mbedtls_net_set_nonblock' makes the session's transport non-blocking here
// CHECK-MESSAGES: :142:3: note: the session takes that descriptor here

int mbed_peer_read_hand_back(struct mbed_peer *p, unsigned char *buf,
                             size_t len) {
  int r = mbedtls_ssl_read(&p->ssl, buf, len);
  if (r == MBEDTLS_ERR_SSL_WANT_READ)
    return 0;
  return r;
}

// OpenSSL BIOs: one made over a non-blocking socket, or told not to block
// (BIO_set_nbio); BIO_should_retry() is their "would block".
int bio_socket_read(char *buf, int len) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  BIO *b = BIO_new_socket(fd, BIO_NOCLOSE);
  int n = BIO_read(b, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'BIO_read' on OpenSSL BIO session 'b' over a non-blocking descriptor treats BIO_should_retry() as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    BIO_free(b);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with BIO_should_retry(), 'BIO_free' ends the connection here without testing for it
    close(fd);
    return -1;
  }
  // CHECK-MESSAGES: :[[@LINE-10]]:12: note: 'socket' creates a non-blocking descriptor here
  // CHECK-MESSAGES: :[[@LINE-10]]:12: note: the session takes that descriptor here
  return n;
}

int bio_connect_read(char *buf, int len) {
  BIO *b = BIO_new_connect("example.org:443");
  BIO_set_nbio(b, 1);
  int n = BIO_read(b, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'BIO_read' on OpenSSL BIO session 'b' over a non-blocking descriptor treats BIO_should_retry() as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    BIO_free_all(b);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with BIO_should_retry(), 'BIO_free_all' ends the connection here without testing for it
    return -1;
  }
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'BIO_set_nbio' makes the session non-blocking here
  return n;
}

int bio_connect_read_retry(char *buf, int len) {
  BIO *b = BIO_new_connect("example.org:443");
  BIO_set_nbio(b, 1);
  int n = BIO_read(b, buf, len);
  if (n <= 0) {
    if (BIO_should_retry(b))
      return 0;
    BIO_free_all(b);
    return -1;
  }
  return n;
}

int bio_blocking_read(char *buf, int len) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  BIO *b = BIO_new_socket(fd, BIO_NOCLOSE);
  int n = BIO_read(b, buf, len);
  if (n <= 0) {
    BIO_free(b);
    return -1;
  }
  return n;
}
