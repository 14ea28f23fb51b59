// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17
// RUN: %check_nbio --prefix=SWITCHED %s nbio-busy-wait-retry -- -DSWITCHED

// mbed TLS's own socket functions (mbedtls_net_send, mbedtls_net_recv,
// mbedtls_net_recv_timeout) say MBEDTLS_ERR_SSL_WANT_READ/_WRITE on a
// blocking socket too, when the call was interrupted (EINTR). The socket
// that mbedtls_net_connect() or mbedtls_net_accept() puts in a net
// context is blocking until mbedtls_net_set_nonblock() switches it, so a
// handshake or read loop that asks again at once over such a context
// waits in the socket, it does not spin: the loops of mbed TLS's own
// example programs (ssl_client1, ssl_server, dtls_client, and the mail
// client's helpers given the session and the context). Twins still
// reported: the program's own BIO functions, a context whose descriptor
// the program sets (also in its declaration), one handed to a function out
// of view or to a second session with the program's own functions, a
// helper one of whose callers passes such a session or that points its
// parameter elsewhere, and (SWITCHED) any of it in a file that calls
// mbedtls_net_set_nonblock.

#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <stddef.h>
#include <sys/socket.h>

#ifdef SWITCHED
void go_nonblocking(mbedtls_net_context *ctx) { mbedtls_net_set_nonblock(ctx); }
#endif

int client(mbedtls_ssl_context *unused, mbedtls_ssl_config *conf) {
  mbedtls_net_context server_fd;
  mbedtls_ssl_context ssl;
  int ret;
  (void)unused;
  mbedtls_net_init(&server_fd);
  mbedtls_ssl_init(&ssl);
  if (mbedtls_net_connect(&server_fd, "localhost", "4433",
                          MBEDTLS_NET_PROTO_TCP) != 0)
    return -1;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &server_fd, mbedtls_net_send, mbedtls_net_recv,
                      NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) != 0) {
  // SWITCHED-MESSAGES: :[[@LINE-1]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // SWITCHED-MESSAGES: :[[@LINE-2]]:52: note: the call is retried from here
  // SWITCHED-MESSAGES: :[[@LINE-3]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
    if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE)
      break;
  }
  mbedtls_net_free(&server_fd);
  return ret;
}

int server(mbedtls_ssl_config *conf, unsigned char *buf, size_t len) {
  mbedtls_net_context listen_fd, client_fd;
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_net_init(&listen_fd);
  mbedtls_net_init(&client_fd);
  if (mbedtls_net_bind(&listen_fd, NULL, "4433", MBEDTLS_NET_PROTO_UDP) != 0)
    return -1;
  if (mbedtls_net_accept(&listen_fd, &client_fd, NULL, 0, NULL) != 0)
    return -1;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &client_fd, mbedtls_net_send, mbedtls_net_recv,
                      mbedtls_net_recv_timeout);
  do
    ret = mbedtls_ssl_read(&ssl, buf, len);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE);
  // SWITCHED-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_read' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // SWITCHED-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // SWITCHED-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  mbedtls_net_free(&client_fd);
  mbedtls_net_free(&listen_fd);
  return ret;
}

// The mail client's shape: helpers given the session, and the context.
static int do_handshake(mbedtls_ssl_context *ssl) {
  int ret;
  while ((ret = mbedtls_ssl_handshake(ssl)) != 0)
    if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE)
    // SWITCHED-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of 'ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SWITCHED-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // SWITCHED-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
      return -1;
  return 0;
}

static int greet(mbedtls_net_context *sock, const unsigned char *b, size_t n) {
  return mbedtls_net_send(sock, b, n);
}

int mail(mbedtls_ssl_config *conf, const unsigned char *b, size_t n) {
  mbedtls_net_context server_fd;
  mbedtls_ssl_context ssl;
  mbedtls_net_init(&server_fd);
  if (mbedtls_net_connect(&server_fd, "mail", "25", MBEDTLS_NET_PROTO_TCP))
    return -1;
  if (greet(&server_fd, b, n) < 0)
    return -1;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &server_fd, mbedtls_net_send, mbedtls_net_recv,
                      NULL);
  return do_handshake(&ssl);
}

// Twin: the program's own BIO functions.
static int own_send(void *ctx, const unsigned char *b, size_t n) {
  (void)ctx;
  (void)b;
  return (int)n;
}
static int own_recv(void *ctx, unsigned char *b, size_t n) {
  (void)ctx;
  (void)b;
  (void)n;
  return MBEDTLS_ERR_SSL_WANT_READ;
}

int own_bio(mbedtls_ssl_config *conf) {
  mbedtls_net_context net;
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_net_init(&net);
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, own_send, own_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
    // SWITCHED-MESSAGES: :[[@LINE-5]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SWITCHED-MESSAGES: :[[@LINE-5]]:5: note: the call is retried from here
    // SWITCHED-MESSAGES: :[[@LINE-7]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// Twin: the program puts its own socket in the context.
int own_socket(mbedtls_ssl_config *conf, int sock) {
  mbedtls_net_context net;
  mbedtls_ssl_context ssl;
  int ret;
  net.fd = sock;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
    // SWITCHED-MESSAGES: :[[@LINE-5]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SWITCHED-MESSAGES: :[[@LINE-5]]:5: note: the call is retried from here
    // SWITCHED-MESSAGES: :[[@LINE-7]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// Twin: the context goes to a function out of view, which may switch it.
extern void tune_context(mbedtls_net_context *ctx);

int handed_out(mbedtls_ssl_config *conf) {
  mbedtls_net_context net;
  mbedtls_ssl_context ssl;
  int ret;
  if (mbedtls_net_connect(&net, "localhost", "4433", MBEDTLS_NET_PROTO_TCP))
    return -1;
  tune_context(&net);
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
    // SWITCHED-MESSAGES: :[[@LINE-5]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SWITCHED-MESSAGES: :[[@LINE-5]]:5: note: the call is retried from here
    // SWITCHED-MESSAGES: :[[@LINE-7]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// Twin: a helper one of whose two callers passes a session over the
// program's own BIO functions.
static int read_line(mbedtls_ssl_context *ssl, unsigned char *b, size_t n) {
  int ret;
  do
    ret = mbedtls_ssl_read(ssl, b, n);
  while (ret == MBEDTLS_ERR_SSL_WANT_READ);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'mbedtls_ssl_read' on the socket of 'ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  // SWITCHED-MESSAGES: :[[@LINE-5]]:11: warning: 'mbedtls_ssl_read' on the socket of 'ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
  // SWITCHED-MESSAGES: :[[@LINE-5]]:10: note: the call is retried from here
  // SWITCHED-MESSAGES: :[[@LINE-7]]:11: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

int two_callers(mbedtls_ssl_config *conf, unsigned char *b, size_t n) {
  mbedtls_net_context net, mem;
  mbedtls_ssl_context plain, memory;
  if (mbedtls_net_connect(&net, "localhost", "4433", MBEDTLS_NET_PROTO_TCP))
    return -1;
  mbedtls_ssl_setup(&plain, conf);
  mbedtls_ssl_set_bio(&plain, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  mbedtls_net_init(&mem);
  mbedtls_ssl_setup(&memory, conf);
  mbedtls_ssl_set_bio(&memory, &mem, own_send, own_recv, NULL);
  return read_line(&plain, b, n) + read_line(&memory, b, n);
}

// Twin: the declaration gives the context a socket of the program's.
int declared_with(mbedtls_ssl_config *conf, int sock) {
  mbedtls_net_context net = {sock};
  mbedtls_ssl_context ssl;
  int ret;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
    // SWITCHED-MESSAGES: :[[@LINE-5]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SWITCHED-MESSAGES: :[[@LINE-5]]:5: note: the call is retried from here
    // SWITCHED-MESSAGES: :[[@LINE-7]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// Twin: a second session over the same context, with the program's own
// send function, which is given the context.
int second_session(mbedtls_ssl_config *conf) {
  mbedtls_net_context net;
  mbedtls_ssl_context ssl, other;
  int ret;
  if (mbedtls_net_connect(&net, "localhost", "4433", MBEDTLS_NET_PROTO_TCP))
    return -1;
  mbedtls_ssl_setup(&other, conf);
  mbedtls_ssl_set_bio(&other, &net, own_send, mbedtls_net_recv, NULL);
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
    // SWITCHED-MESSAGES: :[[@LINE-5]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SWITCHED-MESSAGES: :[[@LINE-5]]:5: note: the call is retried from here
    // SWITCHED-MESSAGES: :[[@LINE-7]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

// Twin: the helper points its parameter at another session.
extern mbedtls_ssl_context shared_session;

static int handshake_either(mbedtls_ssl_context *ssl, int shared) {
  int ret;
  if (shared)
    ssl = &shared_session;
  while ((ret = mbedtls_ssl_handshake(ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of 'ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
    // SWITCHED-MESSAGES: :[[@LINE-5]]:17: warning: 'mbedtls_ssl_handshake' on the socket of 'ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SWITCHED-MESSAGES: :[[@LINE-5]]:5: note: the call is retried from here
    // SWITCHED-MESSAGES: :[[@LINE-7]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}

int via_either(mbedtls_ssl_config *conf, int shared) {
  mbedtls_net_context net;
  mbedtls_ssl_context ssl;
  if (mbedtls_net_connect(&net, "localhost", "4433", MBEDTLS_NET_PROTO_TCP))
    return -1;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  return handshake_either(&ssl, shared);
}

// Quiet: a context declared empty (-1, what mbedtls_net_init stores:
// no socket) and then connected.
int declared_empty(mbedtls_ssl_config *conf) {
  mbedtls_net_context net = {-1};
  mbedtls_ssl_context ssl;
  int ret;
  if (mbedtls_net_connect(&net, "localhost", "4433", MBEDTLS_NET_PROTO_TCP))
    return -1;
  mbedtls_ssl_setup(&ssl, conf);
  mbedtls_ssl_set_bio(&ssl, &net, mbedtls_net_send, mbedtls_net_recv, NULL);
  while ((ret = mbedtls_ssl_handshake(&ssl)) == MBEDTLS_ERR_SSL_WANT_READ)
    ;
    // SWITCHED-MESSAGES: :[[@LINE-2]]:17: warning: 'mbedtls_ssl_handshake' on the socket of '&ssl' is retried on MBEDTLS_ERR_SSL_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SWITCHED-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
    // SWITCHED-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: mbed TLS gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return ret;
}
