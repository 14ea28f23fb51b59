// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// The fix-it for a do/while whose condition tests the error through a
// function call. Asking again before the wait changes nothing, so the usual
// `if (cond) { wait }` goes at the end of the body (it once gave "no fix-it:
// the loop condition has side effects"). The warnings themselves are
// pinned in nbio-busy-wait-retry-helper-test.c and
// nbio-busy-wait-retry-openssl-get-error.c.

#include <errno.h>
#include <openssl/ssl.h>
#include <stddef.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <openssl/ssl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

int io_would_block(int e) { return e == EAGAIN || e == EWOULDBLOCK; }

// A helper of the file tests errno.
ssize_t pipe_write_do_helper(int fd, const char *buf, size_t len) {
  ssize_t n;
  do {
    n = write(fd, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES-NOT: note: no fix-it
  } while (n < 0 && io_would_block(errno));
  return n;
}
// CHECK-FIXES: {{^}}    if (n < 0 && io_would_block(errno)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

// OpenSSL's SSL_get_error(), the most common spelling of all.
int proxy_write(SSL *ssl, const char *p, int n) {
  int rv;
  do {
    rv = SSL_write(ssl, p, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'SSL_write' on the socket of 'ssl' is retried on SSL_ERROR_WANT_WRITE without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES-NOT: note: no fix-it
  } while (rv <= 0 && SSL_get_error(ssl, rv) == SSL_ERROR_WANT_WRITE);
  return rv;
}
// CHECK-FIXES: {{^}}    if (rv <= 0 && SSL_get_error(ssl, rv) == SSL_ERROR_WANT_WRITE) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(ssl), POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}
