// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// libtls (LibreSSL's API, packaged alone as LibreTLS) says "would block"
// by the call's own result: TLS_WANT_POLLIN or TLS_WANT_POLLOUT. A
// handshake loop that calls again at once on either spins while the peer
// is slow; one that polls the socket first does not. libtls gives no
// descriptor for a context (the program passed it to tls_connect_socket),
// so there is no fix-it.

#include <poll.h>
#include <tls.h>

int handshake_spin(struct tls *ctx) {
  int r;
  do {
    r = tls_handshake(ctx);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'tls_handshake' on the socket of 'ctx' is retried on TLS_WANT_POLLIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (r == TLS_WANT_POLLIN || r == TLS_WANT_POLLOUT);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: libtls gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return r;
}

long write_all_spin(struct tls *ctx, const char *buf, size_t len) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = tls_write(ctx, buf + done, len - done);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'tls_write' on the socket of 'ctx' is retried on TLS_WANT_POLLOUT without waiting for it to become writable [nbio-busy-wait-retry]
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

// Look-alike: the loop waits for the socket the program gave the context
// before it calls again.
long write_all_polled(struct tls *ctx, int fd, const char *buf, size_t len) {
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
