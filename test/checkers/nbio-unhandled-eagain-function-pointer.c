// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --fix-notes %s nbio-unhandled-eagain --config='{CheckOptions: {nbio-unhandled-eagain.OfferReturnFix: false}}'
// RUN: %check_nbio --fix-notes --lang=c++ %s nbio-unhandled-eagain --config='{CheckOptions: {nbio-unhandled-eagain.OfferReturnFix: false}}' -- -std=c++17

// A call through a function-pointer parameter that every call of its
// (static) function gives an I/O function is that I/O call: a transfer
// helper that drops the connection when the call fails, EAGAIN included.
// The wait offered by the fix goes the way the pointer does (the runs with
// --fix-notes apply it alone, and compile the result). Twin: a helper that
// one call hands a function that does no I/O stays quiet.

#include <fcntl.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t (*io_fn)(int, void *, size_t);
#define vwrite (io_fn)write

static ssize_t transfer(io_fn f, int fd, void *buf, size_t n) {
  ssize_t r = f(fd, buf, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'f' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-FIXES: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {fd, {{(static_cast<short>\()?}}f == read ? POLLIN : POLLOUT{{\)?}}, 0};{{$}}
  // CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, 5000);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
  // CHECK-FIXES-NEXT: {{^}}  ssize_t r = f(fd, buf, n);{{$}}
  if (r < 0) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    return -1;
  }
  return r;
}
// CHECK-MESSAGES: :56:3: note: 'fd' was made non-blocking here
// CHECK-MESSAGES: :57:7: note: 'f' is 'write' or 'read' at every call of 'transfer', as here
// CHECK-MESSAGES: :22:15: note: fix: wait up to 5000 ms for 'fd' to become ready before the call

static ssize_t fill(int fd, void *buf, size_t n) {
  (void)fd;
  (void)buf;
  return (ssize_t)n;
}

static ssize_t apply(io_fn f, int fd, void *buf, size_t n) {
  ssize_t r = f(fd, buf, n);
  if (r < 0) {
    close(fd);
    return -1;
  }
  return r;
}

void session(int fd, char *req, size_t len, char *rep) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (transfer(vwrite, fd, req, len) < 0)
    return;
  transfer(read, fd, rep, len);
  apply(fill, fd, rep, len);
  apply(read, fd, rep, len);
}
