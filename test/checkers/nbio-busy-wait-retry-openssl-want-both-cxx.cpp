// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// The C++ run of the poll form for nbio-busy-wait-retry-openssl-want-both.c:
// one statement retries both SSL_ERROR_WANT_READ and SSL_ERROR_WANT_WRITE,
// and the wait asks `SSL_want_read(ssl) ? POLLIN : POLLOUT`. The fixed file
// must compile as C++ too: the events are cast to `short` (the braced
// initializer once narrowed int to short and did not compile).

#include <openssl/ssl.h>

// CHECK-FIXES: {{^}}#include <openssl/ssl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct tls_trans {
  SSL *ssl;
  int status;
};

int tls_trans_read(struct tls_trans *t, char *data, int len) {
  int rv;
  for (;;) {
    rv = SSL_read(t->ssl, data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'SSL_read' on the socket of 't->ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    switch (SSL_get_error(t->ssl, rv)) {
    case SSL_ERROR_NONE:
      return rv;
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    default:
      t->status = -1;
      return -1;
    }
  }
}
// CHECK-FIXES: {{^}}    case SSL_ERROR_WANT_READ:{{$}}
// CHECK-FIXES-NEXT: {{^}}    case SSL_ERROR_WANT_WRITE: {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(t->ssl), static_cast<short>(SSL_want_read(t->ssl) ? POLLIN : POLLOUT), 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}
