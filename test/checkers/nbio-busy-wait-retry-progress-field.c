// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A bounded retry whose counter is a field of the connection (`c->tries`)
// makes progress when the retry path moves it: incremented, or handed to a
// helper by address. Twin: the counter moves only on success, so the
// EAGAIN path spins.

#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct conn {
  int fd;
  int tries;
};

void bump(int *counter);

ssize_t read_counted(struct conn *c, char *b) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  while (c->tries < 5) {
    ssize_t n = read(c->fd, b, 1);
    if (n < 0 && errno == EAGAIN) {
      c->tries++;
      continue;
    }
    return n;
  }
  return -1;
}

ssize_t read_bumped(struct conn *c, char *b) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  while (c->tries < 5) {
    ssize_t n = read(c->fd, b, 1);
    if (n < 0 && errno == EAGAIN) {
      bump(&c->tries);
      continue;
    }
    return n;
  }
  return -1;
}

ssize_t read_counted_on_success(struct conn *c, char *b) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  while (c->tries < 5) {
    ssize_t n = read(c->fd, b, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'c->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n == -1 && errno == EAGAIN)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'c->fd' was made non-blocking here
    // CHECK-FIXES: {{^}}    if (n == -1 && errno == EAGAIN) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {c->fd, POLLIN, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
    c->tries++;
    return n;
  }
  return -1;
}
