// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// A retry on EAGAIN of a descriptor made blocking on every path to the call
// cannot spin: the call never fails with EAGAIN there (reduced from
// unbound's tube_write_msg, which switches its non-blocking pipe to
// blocking for a whole message and retries on EAGAIN). Twin: blocking on
// one path only, the retry is reported.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

static int set_block(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl == -1)
    return 0;
  return fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != -1;
}

int write_msg(int fd, const char *buf, size_t len) {
  size_t d = 0;
  if (!set_block(fd))
    return 0;
  while (d != len) {
    ssize_t r = write(fd, buf + d, len - d);
    if (r == -1) {
      if (errno == EAGAIN)
        continue;
      return 0;
    }
    d += (size_t)r;
  }
  return 1;
}

// Twin.
int write_msg_maybe(int fd, int whole, const char *buf, size_t len) {
  size_t d = 0;
  if (whole && !set_block(fd))
    return 0;
  while (d != len) {
    ssize_t r = write(fd, buf + d, len - d);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (r == -1) {
      if (errno == EAGAIN)
        continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: the call is retried from here
      // CHECK-FIXES: {{^}}      if (errno == EAGAIN) {{{$}}
      // CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}
      return 0;
    }
    d += (size_t)r;
  }
  return 1;
}
