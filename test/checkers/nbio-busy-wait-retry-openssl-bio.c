// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// OpenSSL's BIOs say "would block" through BIO_should_retry() after a
// failed BIO_read/BIO_write (BIO_should_read/_write give the direction).
// Retrying at once spins; the fix waits on the BIO's descriptor
// (BIO_get_fd(b, NULL)) in the direction the BIO asks for. Twins: a loop
// that waits with BIO_wait(), and one that returns on a retry.

#include <openssl/bio.h>

// CHECK-FIXES: {{^}}#include <openssl/bio.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

int bio_read_continue(BIO *b, char *buf, int len) {
  for (;;) {
    int n = BIO_read(b, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'BIO_read' on the socket of 'b' is retried on BIO_should_retry() without waiting for it to become readable [nbio-busy-wait-retry]
    if (n <= 0 && BIO_should_retry(b))
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-FIXES: {{^}}    if (n <= 0 && BIO_should_retry(b)) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {(int)BIO_get_fd(b, NULL), {{(static_cast<short>\()?}}BIO_should_read(b) ? POLLIN : POLLOUT{{\)?}}, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
    return n;
  }
}

// The retry is in the loop's condition, which calls the library: no fix.
int bio_write_spin(BIO *b, const char *buf, int len) {
  int n;
  do {
    n = BIO_write(b, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'BIO_write' on the socket of 'b' is retried on BIO_should_retry() without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n <= 0 && BIO_should_retry(b));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  return n;
}

int bio_read_waits(BIO *b, char *buf, int len) {
  int n;
  while ((n = BIO_read(b, buf, len)) <= 0) {
    if (!BIO_should_retry(b))
      return -1;
    if (BIO_wait(b, 0, 100) <= 0)
      return -1;
  }
  return n;
}

int bio_read_returns(BIO *b, char *buf, int len) {
  int n = BIO_read(b, buf, len);
  if (n <= 0 && BIO_should_retry(b))
    return 0;
  return n;
}
