// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --prefix=SELECT %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: select}}'
// RUN: %check_nbio --prefix=SELECT --lang=c++ %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: select}}'

// One statement retries both SSL_ERROR_WANT_READ and SSL_ERROR_WANT_WRITE
// (the xrdp loop of nbio-busy-wait-retry-openssl.c): the wait goes the way
// OpenSSL asked, `SSL_want_read(ssl) ? POLLIN : POLLOUT` for poll(), the
// read or the write set under the same condition for select(). The C++ run
// of the poll form is nbio-busy-wait-retry-openssl-want-both-cxx.cpp.

#include <openssl/ssl.h>

// CHECK-FIXES: {{^}}#include <openssl/ssl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// SELECT-FIXES: {{^}}#include <openssl/ssl.h>{{$}}
// SELECT-FIXES-NEXT: {{^}}#include <sys/select.h>{{$}}

struct tls_trans {
  SSL *ssl;
  int status;
};

int tls_trans_read(struct tls_trans *t, char *data, int len) {
  int rv;
  for (;;) {
    rv = SSL_read(t->ssl, data, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'SSL_read' on the socket of 't->ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    // SELECT-MESSAGES: :[[@LINE-2]]:10: warning: 'SSL_read' on the socket of 't->ssl' is retried on SSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    switch (SSL_get_error(t->ssl, rv)) {
    case SSL_ERROR_NONE:
      return rv;
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
      // SELECT-MESSAGES: :[[@LINE-2]]:7: note: the call is retried from here
    default:
      t->status = -1;
      return -1;
    }
  }
}
// CHECK-FIXES: {{^}}    case SSL_ERROR_WANT_READ:{{$}}
// CHECK-FIXES-NEXT: {{^}}    case SSL_ERROR_WANT_WRITE: {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {SSL_get_fd(t->ssl), SSL_want_read(t->ssl) ? POLLIN : POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}
// SELECT-FIXES: {{^}}    case SSL_ERROR_WANT_READ:{{$}}
// SELECT-FIXES-NEXT: {{^}}    case SSL_ERROR_WANT_WRITE: {{[{]}}{{$}}
// SELECT-FIXES-NEXT: {{^}}      fd_set wait_set;{{$}}
// SELECT-FIXES-NEXT: {{^}}      FD_ZERO(&wait_set);{{$}}
// SELECT-FIXES-NEXT: {{^}}      FD_SET(SSL_get_fd(t->ssl), &wait_set);{{$}}
// SELECT-FIXES-NEXT: {{^}}      (void)select(SSL_get_fd(t->ssl) + 1, SSL_want_read(t->ssl) ? &wait_set : 0, SSL_want_read(t->ssl) ? 0 : &wait_set, 0, 0);{{$}}
// SELECT-FIXES-NEXT: {{^}}      continue;{{$}}
// SELECT-FIXES-NEXT: {{^}}    }{{$}}
