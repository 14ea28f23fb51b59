// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// wolfSSL reports "would block" as OpenSSL does: the call fails and
// wolfSSL_get_error() says WOLFSSL_ERROR_WANT_READ or _WANT_WRITE. The fix
// waits on wolfSSL_get_fd(ssl). A loop that waits with poll() is quiet.

#include <wolfssl/options.h>
#include <wolfssl/ssl.h>
#include <poll.h>

int tls_connect(WOLFSSL *ssl) {
  int ret;
  for (;;) {
    ret = wolfSSL_connect(ssl);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'wolfSSL_connect' on the socket of 'ssl' is retried on WOLFSSL_ERROR_WANT_READ without waiting for it to become readable [nbio-busy-wait-retry]
    if (ret == WOLFSSL_SUCCESS)
      break;
    int err = wolfSSL_get_error(ssl, ret);
    if (err == WOLFSSL_ERROR_WANT_READ || err == WOLFSSL_ERROR_WANT_WRITE)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-FIXES: {{^}}    if (err == WOLFSSL_ERROR_WANT_READ || err == WOLFSSL_ERROR_WANT_WRITE) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {wolfSSL_get_fd(ssl), {{.*}}wolfSSL_want_read(ssl) ? POLLIN : POLLOUT{{.*}}, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
    return -1;
  }
  return 0;
}

int tls_read_waiting(WOLFSSL *ssl, char *buf, int len) {
  int ret;
  while ((ret = wolfSSL_read(ssl, buf, len)) <= 0) {
    int err = wolfSSL_get_error(ssl, ret);
    if (err != WOLFSSL_ERROR_WANT_READ)
      return -1;
    struct pollfd p = {wolfSSL_get_fd(ssl), POLLIN, 0};
    (void)poll(&p, 1, 1000);
  }
  return ret;
}
