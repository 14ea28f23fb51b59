// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// libtls (LibreSSL's API, packaged alone as LibreTLS) says "would block"
// by the call's own result: TLS_WANT_POLLIN or TLS_WANT_POLLOUT. On a
// context over a non-blocking socket, a loop that calls again at once on
// either spins while the peer is slow; one that polls the socket first
// does not. On a blocking socket libtls says the same codes and asks for
// the call again at once (tls_read(3)): openntpd's HTTPS constraint client
// retries so on the socket tls_connect_servername() makes, and that is
// right; so nothing is reported where the socket is not known
// non-blocking. libtls gives no descriptor for a context (the program
// passed it to tls_connect_socket), so there is no fix-it.

#define _GNU_SOURCE 1
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <tls.h>

int handshake_spin(struct tls *ctx, int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  if (tls_connect_socket(ctx, fd, "example.org") == -1)
    return -1;
  int r;
  do {
    r = tls_handshake(ctx);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'tls_handshake' on the socket of 'ctx' is retried on TLS_WANT_POLLIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (r == TLS_WANT_POLLIN || r == TLS_WANT_POLLOUT);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: libtls gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return r;
}

struct peer {
  struct tls *tls;
};

// The server side: tls_accept_socket() makes the connection's context over
// the accepted socket, non-blocking here.
long write_all_spin(struct tls *srv, struct peer *p, int lfd, const char *buf,
                    size_t len) {
  int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
  if (fd == -1 || tls_accept_socket(srv, &p->tls, fd) == -1)
    return -1;
  size_t done = 0;
  while (done < len) {
    ssize_t n = tls_write(p->tls, buf + done, len - done);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'tls_write' on the socket of 'p->tls' is retried on TLS_WANT_POLLOUT without waiting for it to become writable [nbio-busy-wait-retry]
    if (n == TLS_WANT_POLLIN || n == TLS_WANT_POLLOUT)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: no fix-it: libtls gives no descriptor for the session; wait for the socket under it to become ready before the retry
    if (n < 0)
      return -1;
    done += (size_t)n;
  }
  return (long)done;
}

// Look-alike: tls_connect_servername() connects a blocking socket of its
// own; the immediate retry is what tls_write(3) asks for there (openntpd's
// httpsdate_request).
long write_all_blocking(struct tls *ctx, const char *buf, size_t len) {
  if (tls_connect_servername(ctx, "192.0.2.1", "443", "example.org") == -1)
    return -1;
  size_t done = 0;
  while (done < len) {
    ssize_t n = tls_write(ctx, buf + done, len - done);
    if (n == TLS_WANT_POLLIN || n == TLS_WANT_POLLOUT)
      continue;
    if (n < 0)
      return -1;
    done += (size_t)n;
  }
  return (long)done;
}

// Look-alike: a context whose socket this file does not show non-blocking.
int handshake_unknown(struct tls *ctx) {
  int r;
  do
    r = tls_handshake(ctx);
  while (r == TLS_WANT_POLLIN || r == TLS_WANT_POLLOUT);
  return r;
}

// Look-alike: the loop waits for the socket the program gave the context
// before it calls again.
long write_all_polled(struct tls *ctx, int fd, const char *buf, size_t len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  if (tls_connect_socket(ctx, fd, "example.org") == -1)
    return -1;
  size_t done = 0;
  while (done < len) {
    ssize_t n = tls_write(ctx, buf + done, len - done);
    if (n == TLS_WANT_POLLIN || n == TLS_WANT_POLLOUT) {
      struct pollfd p = {fd, (short)(n == TLS_WANT_POLLIN ? POLLIN : POLLOUT),
                         0};
      (void)poll(&p, 1, -1);
      continue;
    }
    if (n < 0)
      return -1;
    done += (size_t)n;
  }
  return (long)done;
}

// Look-alike: the would-block codes go back to the caller's event loop.
ssize_t read_once(struct tls *ctx, char *buf, size_t len) {
  ssize_t n = tls_read(ctx, buf, len);
  if (n == TLS_WANT_POLLIN || n == TLS_WANT_POLLOUT)
    return 0;
  return n;
}
