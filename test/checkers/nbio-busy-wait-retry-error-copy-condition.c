// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// The failure's code kept in a local that the loop's condition tests
// (`err = SSL_get_error(ssl, n); } while (err == SSL_ERROR_WANT_READ ...)`,
// ncat's fdinfo_recv, also behind `n < 0 ? ... : SSL_ERROR_NONE`; `e =
// errno; } while (e == EAGAIN)`): storing the code is not progress, so the
// loop spins and is reported. Twins quiet: the local is given another
// value on the way round (a next state), which may end the loop; the code
// is kept in a global or in a local whose address a helper has, which a
// call on the way may change; the code is another session's.

#include <errno.h>
#include <fcntl.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <sys/types.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct fdinfo {
  int fd;
  SSL *ssl;
};

int fdinfo_recv(struct fdinfo *fdn, char *buf, int size) {
  int n;
  int err = SSL_ERROR_NONE;
  do {
    n = SSL_read(fdn->ssl, buf, size);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'SSL_read' on the socket of 'fdn->ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    err = (n < 0) ? SSL_get_error(fdn->ssl, n) : SSL_ERROR_NONE;
  } while (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-FIXES: {{^}}    err = (n < 0) ? SSL_get_error(fdn->ssl, n) : SSL_ERROR_NONE;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {{[{]}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(fdn->ssl), {{(static_cast<short>\()?}}SSL_want_read(fdn->ssl) ? POLLIN : POLLOUT{{\)?}}, 0};{{$}}
  // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    }{{$}}
  return n;
}

int tls_write_all(SSL *ssl, const char *p, int len) {
  int n, err;
  do {
    n = SSL_write(ssl, p, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'SSL_write' on the socket of 'ssl' is retried on SSL_ERROR_WANT_WRITE without waiting for it to become writable [nbio-busy-wait-retry]
    err = SSL_get_error(ssl, n);
  } while (err == SSL_ERROR_WANT_WRITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-FIXES: {{^}}    err = SSL_get_error(ssl, n);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (err == SSL_ERROR_WANT_WRITE) {{[{]}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(ssl), POLLOUT, 0};{{$}}
  // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    }{{$}}
  return n;
}

ssize_t recv_copy(int fd, char *buf, size_t len) {
  ssize_t n;
  int e;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  do {
    n = recv(fd, buf, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    e = errno;
  } while (n < 0 && e == EAGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'fd' was made non-blocking here
  // CHECK-FIXES: {{^}}    e = errno;{{$}}
  // CHECK-FIXES-NEXT: {{^}}    if (n < 0 && e == EAGAIN) {{[{]}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
  // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    }{{$}}
  return n;
}

int next_queue(int q);

// Twin: the copy is given another value on the way round.
ssize_t recv_next_queue(int fd, char *buf, size_t len, int q) {
  ssize_t n;
  int e;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  do {
    n = recv(fd, buf, len, 0);
    e = errno;
    if (n < 0)
      e = next_queue(q);
  } while (n < 0 && e == EAGAIN);
  return n;
}

// Twin: a global, which the call on the way round may change.
int last_err;
void on_tick(void);
int tls_read_global(SSL *ssl, char *buf, int size) {
  int n;
  do {
    n = SSL_read(ssl, buf, size);
    last_err = SSL_get_error(ssl, n);
    on_tick();
  } while (last_err == SSL_ERROR_WANT_READ);
  return n;
}

// Twin: the local's address is a helper's, which may give up for it.
void give_up_after(int *err, int *tries);
int tls_read_escaped(SSL *ssl, char *buf, int size) {
  int n, err, tries = 0;
  int *pe = &err;
  do {
    n = SSL_read(ssl, buf, size);
    err = SSL_get_error(ssl, n);
    give_up_after(pe, &tries);
  } while (err == SSL_ERROR_WANT_READ);
  return n;
}

// Twin: the code read is another session's, not this failure's.
int tls_read_other(SSL *a, SSL *b, char *buf, int size) {
  int n, err;
  do {
    n = SSL_read(a, buf, size);
    err = SSL_get_error(b, n);
  } while (err == SSL_ERROR_WANT_READ);
  return n;
}
