// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Known bug: in C++ the poll fix `{fd, SSL_want_read(ssl) ? POLLIN : POLLOUT, 0}`
// narrows int to short in a braced initializer and does not compile.

// The C++ run of the poll form for nbio-busy-wait-retry-openssl-want-both.c:
// one statement retries both SSL_ERROR_WANT_READ and SSL_ERROR_WANT_WRITE,
// and the wait asks `SSL_want_read(ssl) ? POLLIN : POLLOUT`. The fixed file
// must compile as C++ too (how it converts to `short` is not pinned).

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
// CHECK-FIXES: SSL_want_read(t->ssl) ? POLLIN : POLLOUT
// CHECK-FIXES: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}
