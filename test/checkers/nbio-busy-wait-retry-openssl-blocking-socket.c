// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A TLS session over a socket the file shows to be blocking does not spin
// when its handshake loop asks again after SSL_ERROR_WANT_READ: the next
// SSL_do_handshake() waits in the socket. Reduced from unbound's
// unbound-anchor (connect_to_ip() returns a plain socket() or -1, closing
// it with the project's own close helper on failure) and unbound-control
// (contact_server() makes its socket non-blocking for a connect timeout,
// then blocking again before it returns it). The descriptor comes to the
// session through a static function's parameter and a call's result.
// Twins still reported: a helper that returns a SOCK_NONBLOCK socket, one
// that leaves the socket non-blocking on one path, and one that hands the
// socket to a project function whose body is out of view.

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

void net_close(int fd);
void net_tune(int fd);
int wait_connected(int fd);

// --- A blocking socket: quiet ------------------------------------------------

static int connect_plain(const struct sockaddr_in *to) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd == -1)
    return -1;
  if (connect(fd, (const struct sockaddr *)to, sizeof *to) < 0) {
    net_close(fd);
    return -1;
  }
  return fd;
}

static SSL *start_plain(SSL_CTX *ctx, int fd) {
  SSL *ssl = SSL_new(ctx);
  if (!ssl || !SSL_set_fd(ssl, fd))
    return NULL;
  while (1) {
    int r = SSL_do_handshake(ssl);
    if (r == 1)
      break;
    r = SSL_get_error(ssl, r);
    if (r != SSL_ERROR_WANT_READ && r != SSL_ERROR_WANT_WRITE)
      return NULL;
  }
  return ssl;
}

SSL *open_plain(SSL_CTX *ctx, const struct sockaddr_in *to) {
  int fd = connect_plain(to);
  if (fd == -1)
    return NULL;
  return start_plain(ctx, fd);
}

// Non-blocking only for the connect, blocking again before it is returned.
static int connect_with_timeout(const struct sockaddr_in *to) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  int fl = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  if (connect(fd, (const struct sockaddr *)to, sizeof *to) < 0 &&
      wait_connected(fd) < 0) {
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  return fd;
}

static SSL *start_timed(SSL_CTX *ctx, int fd) {
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  for (;;) {
    int r = SSL_do_handshake(ssl);
    if (r == 1)
      return ssl;
    int e = SSL_get_error(ssl, r);
    if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE)
      return NULL;
  }
}

SSL *open_timed(SSL_CTX *ctx, const struct sockaddr_in *to) {
  return start_timed(ctx, connect_with_timeout(to));
}

// The same rule for a plain read on such a descriptor.
static int read_greeting(int fd, char *buf, unsigned n) {
  for (;;) {
    ssize_t got = recv(fd, buf, n, 0);
    if (got < 0 && errno == EAGAIN)
      continue;
    return (int)got;
  }
}

int greet_plain(const struct sockaddr_in *to, char *buf, unsigned n) {
  int fd = connect_plain(to);
  return fd < 0 ? -1 : read_greeting(fd, buf, n);
}

// --- Still reported ----------------------------------------------------------

static int connect_nonblocking(const struct sockaddr_in *to) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd != -1)
    connect(fd, (const struct sockaddr *)to, sizeof *to);
  return fd;
}

static SSL *start_nonblocking(SSL_CTX *ctx, int fd) {
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  while (1) {
    int r = SSL_do_handshake(ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'SSL_do_handshake' on the socket of 'ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-3]]:13: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:13: note: no fix-it: the retry falls off the end of the loop body; wait for readiness on that path
    if (r == 1)
      break;
    r = SSL_get_error(ssl, r);
    if (r != SSL_ERROR_WANT_READ)
      return NULL;
  }
  return ssl;
}

SSL *open_nonblocking(SSL_CTX *ctx, const struct sockaddr_in *to) {
  return start_nonblocking(ctx, connect_nonblocking(to));
}

// Blocking again on one path only.
static int connect_sometimes(const struct sockaddr_in *to, int keep_async) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int fl = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  connect(fd, (const struct sockaddr *)to, sizeof *to);
  if (!keep_async)
    fcntl(fd, F_SETFL, fl);
  return fd;
}

static SSL *start_sometimes(SSL_CTX *ctx, int fd) {
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  for (;;) {
    int r = SSL_do_handshake(ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'SSL_do_handshake' on the socket of 'ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    if (r == 1)
      return ssl;
    if (SSL_get_error(ssl, r) == SSL_ERROR_WANT_READ)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    return NULL;
  }
}
// CHECK-FIXES: {{^}}    if (SSL_get_error(ssl, r) == SSL_ERROR_WANT_READ) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(ssl), POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

SSL *open_sometimes(SSL_CTX *ctx, const struct sockaddr_in *to, int a) {
  return start_sometimes(ctx, connect_sometimes(to, a));
}

// Handed to a project function out of view, which may set O_NONBLOCK.
static int connect_tuned(const struct sockaddr_in *to) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  net_tune(fd);
  connect(fd, (const struct sockaddr *)to, sizeof *to);
  return fd;
}

static int read_tuned(int fd, char *buf, unsigned n) {
  for (;;) {
    ssize_t got = recv(fd, buf, n, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (got < 0 && errno == EAGAIN)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    return (int)got;
  }
}
// CHECK-FIXES: {{^}}    if (got < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

int greet_tuned(const struct sockaddr_in *to, char *buf, unsigned n) {
  return read_tuned(connect_tuned(to), buf, n);
}
