// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// libtls over a non-blocking socket: tls_read, tls_write, tls_handshake and
// tls_close return TLS_WANT_POLLIN or TLS_WANT_POLLOUT when the socket is
// not ready, and either one from any of them (a read may need to write a
// TLS 1.3 key update's reply). The context is known non-blocking through
// tls_connect_socket / tls_accept_socket (and the _fds forms) given a
// non-blocking descriptor. Twins: reads that test the codes, a context
// over a blocking socket.

#include <fcntl.h>
#include <sys/socket.h>
#include <tls.h>
#include <unistd.h>

struct peer {
  int fd;
  struct tls *tls;
};

int peer_start(struct peer *p, const char *name) {
  p->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  p->tls = tls_client();
  return tls_connect_socket(p->tls, p->fd, name);
}

ssize_t peer_read(struct peer *p, char *buf, size_t len) {
  ssize_t n = tls_read(p->tls, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'tls_read' on libtls session 'p->tls' over a non-blocking descriptor treats TLS_WANT_POLLIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    tls_close(p->tls);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with TLS_WANT_POLLIN, 'tls_close' ends the connection here without testing for it
    close(p->fd);
    return -1;
  }
  return n;
}
// CHECK-MESSAGES: :25:11: note: 'socket' creates a non-blocking descriptor here
// CHECK-MESSAGES: :27:10: note: the session takes that descriptor here

// Both codes handed back to the event loop: quiet.
ssize_t peer_read_checked(struct peer *p, char *buf, size_t len) {
  ssize_t n = tls_read(p->tls, buf, len);
  if (n == TLS_WANT_POLLIN || n == TLS_WANT_POLLOUT)
    return 0;
  if (n < 0) {
    tls_close(p->tls);
    close(p->fd);
    return -1;
  }
  return n;
}

// Only the read's own code tested; TLS_WANT_POLLOUT (the read wants to
// write) ends the connection.
ssize_t peer_read_one_way(struct peer *p, char *buf, size_t len) {
  ssize_t n = tls_read(p->tls, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'tls_read' on libtls session 'p->tls' over a non-blocking descriptor handles TLS_WANT_POLLIN but treats TLS_WANT_POLLOUT as a fatal error [nbio-unhandled-eagain]
  if (n == TLS_WANT_POLLIN)
    return 0;
  if (n < 0) {
    tls_close(p->tls);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'tls_read' can also want to write (a renegotiation, a TLS 1.3 key update); when it fails with TLS_WANT_POLLOUT, 'tls_close' ends the connection here
    close(p->fd);
    return -1;
  }
  return n;
}
// CHECK-MESSAGES: :25:11: note: 'socket' creates a non-blocking descriptor here
// CHECK-MESSAGES: :27:10: note: the session takes that descriptor here

// A server's context for an accepted socket, made non-blocking by hand.
struct tls *accept_client(struct tls *server, int lfd) {
  struct tls *cctx = NULL;
  int fd = accept(lfd, NULL, NULL);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  if (tls_accept_socket(server, &cctx, fd) != 0)
    return NULL;
  if (tls_handshake(cctx) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'tls_handshake' on libtls session 'cctx' over a non-blocking descriptor treats TLS_WANT_POLLIN as a fatal error [nbio-unhandled-eagain]
    tls_free(cctx);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with TLS_WANT_POLLIN, 'tls_free' ends the connection here without testing for it
    close(fd);
    return NULL;
  }
  return cctx;
}
// CHECK-MESSAGES: :[[@LINE-12]]:3: note: 'fd' was made non-blocking here
// CHECK-MESSAGES: :[[@LINE-12]]:7: note: the session takes that descriptor here

// Twin: the same handshake over a blocking socket cannot would-block.
struct tls *accept_client_blocking(struct tls *server, int lfd) {
  struct tls *cctx = NULL;
  int fd = accept(lfd, NULL, NULL);
  if (tls_accept_socket(server, &cctx, fd) != 0)
    return NULL;
  if (tls_handshake(cctx) < 0) {
    tls_free(cctx);
    close(fd);
    return NULL;
  }
  return cctx;
}

// The code tests TLS_WANT_POLLOUT and makes it a hard error on purpose
// (the shape of pgbouncer's tls_sbufio_recv, which logs it and returns
// EIO): a decision the code made, which the check leaves alone, as it does
// for OpenSSL's SSL_ERROR_WANT_WRITE (docs/nbio-unhandled-eagain.md).
ssize_t peer_read_strict(struct peer *p, char *buf, size_t len) {
  ssize_t n = tls_read(p->tls, buf, len);
  if (n >= 0)
    return n;
  if (n == TLS_WANT_POLLIN)
    return 0;
  if (n == TLS_WANT_POLLOUT) {
    tls_close(p->tls);
    close(p->fd);
  }
  return -1;
}
