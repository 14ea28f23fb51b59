// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Reduced from nghttp2's h2load, whose client takes down a connection by
// calling SSL_shutdown() once: when it does not finish at once (the peer's
// close_notify has not come, or its own did not fit), the session is freed
// rather than kept for the next connection, and the socket is shut down
// and closed on every path. That is a one-way shutdown, which OpenSSL
// allows: a would-block only leaves the close_notify exchange unfinished
// on a connection that ends anyway. Not reported. Twins that still are: a
// connection that goes on in plain text after the shutdown (FTP's CCC),
// and one whose success path returns with the socket still open.

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

struct client {
  SSL *ssl;
  int fd;
};

int client_connect(struct client *c, SSL_CTX *ctx) {
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (c->fd == -1)
    return -1;
  c->ssl = SSL_new(ctx);
  SSL_set_fd(c->ssl, c->fd);
  return 0;
}

void client_disconnect(struct client *c) {
  if (c->ssl) {
    SSL_set_shutdown(c->ssl, SSL_get_shutdown(c->ssl) | SSL_RECEIVED_SHUTDOWN);
    ERR_clear_error();
    if (SSL_shutdown(c->ssl) != 1) {
      SSL_free(c->ssl);
      c->ssl = NULL;
    }
  }
  if (c->fd != -1) {
    shutdown(c->fd, SHUT_WR);
    close(c->fd);
    c->fd = -1;
  }
}

// The connection goes on without TLS after the shutdown: a would-block
// there drops a control connection that was meant to stay.
int client_clear_channel(struct client *c) {
  if (SSL_shutdown(c->ssl) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
    close(c->fd);
    return -1;
  }
  SSL_free(c->ssl);
  c->ssl = NULL;
  return (int)write(c->fd, "PBSZ 0\r\n", 8);
}

// Success returns with the socket open: the caller may go on with it.
void client_stop_tls(struct client *c) {
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
    close(c->fd);
  }
}
