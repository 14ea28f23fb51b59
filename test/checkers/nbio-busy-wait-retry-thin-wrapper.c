// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A retry loop around the project's own thin wrapper of send() spins like
// one around send() itself. A wrapper that waits for writability before
// sending is more than a wrapper: retrying through it does not spin.

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

static ssize_t tx(int s, const void *b, size_t n) { return send(s, b, n, 0); }

int push(int fd, const char *b, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  for (;;) {
    ssize_t r = tx(fd, b, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'tx' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (r < 0 && errno == EAGAIN)
      continue;
    return (int)r;
  }
}
// CHECK-FIXES: struct pollfd wait_pfd = {fd, POLLOUT, 0};

static ssize_t tx_when_ready(int s, const void *b, size_t n) {
  struct pollfd p = {s, POLLOUT, 0};
  if (poll(&p, 1, 1000) < 0)
    return -1;
  return send(s, b, n, 0);
}

int push_waiting(int fd, const char *b, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  for (;;) {
    ssize_t r = tx_when_ready(fd, b, n);
    if (r < 0 && errno == EAGAIN)
      continue;
    return (int)r;
  }
}
