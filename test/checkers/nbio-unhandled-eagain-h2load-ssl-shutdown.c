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

#define _GNU_SOURCE 1
#include <gnutls/gnutls.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stddef.h>
#include <stdio.h>
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

// More twins, each still reported: the success path closes another
// object's descriptor; it detaches the descriptor and hands it back; it
// gives the connection to a function of the project (which may write);
// it copies the descriptor with dup(); it leaves by longjmp().
struct listener {
  int fd;
};

void client_close_wrong(struct client *c, struct listener *l) {
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
  }
  close(l->fd);
}

int client_detach(struct client *c) {
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
  }
  int s = c->fd;
  c->fd = -1;
  if (c->fd != -1)
    close(c->fd);
  return s;
}

void client_farewell(struct client *c);

void client_say_goodbye(struct client *c) {
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
  }
  client_farewell(c);
  close(c->fd);
}

int client_keep_copy(struct client *c) {
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
  }
  int keep = dup(c->fd);
  close(c->fd);
  return keep;
}

#include <setjmp.h>
jmp_buf client_bail;

void client_jump_out(struct client *c) {
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
    close(c->fd);
  }
  longjmp(client_bail, 1);
}

// Quiet twins of those: every path closes this connection's descriptor,
// one of them by a forward goto; the teardown's result kept in a local.
void client_teardown_goto(struct client *c) {
  if (SSL_shutdown(c->ssl) < 0) {
    SSL_free(c->ssl);
    c->ssl = NULL;
    goto out;
  }
  SSL_free(c->ssl);
  c->ssl = NULL;
out:
  close(c->fd);
  c->fd = -1;
}

void client_teardown_result(struct client *c) {
  int r = SSL_shutdown(c->ssl);
  if (r != 1) {
    SSL_free(c->ssl);
    c->ssl = NULL;
  }
  close(c->fd);
}

// The success path may only free the session, set its shutdown flags,
// half-close the socket and store constants before the close. Reported:
// a write through another pointer to the same object, a call that may
// write through a global, the C library's dprintf() on the descriptor.
struct client *client_current;

void client_alias(struct client *c) {
  struct client *d = c;
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
  }
  d = client_current;
  close(c->fd);
}

void client_bye_to_current(void);

void client_global_write(struct client *c) {
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
  }
  client_bye_to_current();
  close(c->fd);
}

void client_dprintf(struct client *c) {
  if (SSL_shutdown(c->ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'c->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(c->ssl);
    c->ssl = NULL;
  }
  dprintf(c->fd, "QUIT\r\n");
  close(c->fd);
}

// GnuTLS: gnutls_bye() and gnutls_transport_set_int(), which GnuTLS's
// header makes gnutls_transport_set_int2(s, fd, fd). Every path closes the
// descriptor: quiet. The twin returns with it open: reported.
struct gclient {
  gnutls_session_t s;
  int fd;
};

int gclient_open(struct gclient *g) {
  g->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_init(&g->s, GNUTLS_CLIENT);
  gnutls_transport_set_int(g->s, g->fd);
  return 0;
}

void gclient_close(struct gclient *g) {
  if (gnutls_bye(g->s, GNUTLS_SHUT_WR) < 0) {
    gnutls_deinit(g->s);
    close(g->fd);
    return;
  }
  gnutls_deinit(g->s);
  close(g->fd);
}

void gclient_stop(struct gclient *g) {
  if (gnutls_bye(g->s, GNUTLS_SHUT_WR) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'gnutls_bye' on GnuTLS session 'g->s' over a non-blocking descriptor treats GNUTLS_E_AGAIN as a fatal error [nbio-unhandled-eagain]
    gnutls_deinit(g->s);
    close(g->fd);
  }
}

// One session field bound in two places to two descriptors: which one the
// teardown must close is not known, so it is reported.
struct dual {
  SSL *ssl;
  int ctl_fd, data_fd;
};

void dual_bind_ctl(struct dual *x) { SSL_set_fd(x->ssl, x->ctl_fd); }
void dual_bind_data(struct dual *x) {
  x->data_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  SSL_set_fd(x->ssl, x->data_fd);
}

void dual_close(struct dual *x) {
  if (SSL_shutdown(x->ssl) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'SSL_shutdown' on OpenSSL session 'x->ssl' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
    SSL_free(x->ssl);
    close(x->ctl_fd);
    return;
  }
  SSL_free(x->ssl);
  close(x->ctl_fd);
}
