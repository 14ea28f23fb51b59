// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// When the I/O call comes from a function-like macro, the warning names
// the macro argument that is the descriptor ('c->sock'), not the whole
// invocation, and gives no fix.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#define IO_RECV(fd, buf, len) recv((fd), (buf), (len), 0)
#define IO_READ(fd, buf, len) read(fd, buf, len)

struct mq_client {
  int sock;
  char frame[128];
};

ssize_t mq_client_recv_macro(struct mq_client *c) {
  ssize_t n;
  do {
    n = IO_RECV(c->sock, c->frame, sizeof c->frame);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'c->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: no fix-it: the call is inside a macro expansion
  } while (n < 0 && errno == EAGAIN);
  return n;
}

ssize_t mq_client_read_macro(int *fds, char *buf, size_t cap) {
  ssize_t n;
  do {
    n = IO_READ(fds[0], buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'read' on fd 'fds[0]' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: no fix-it: the call is inside a macro expansion
  } while (n < 0 && errno == EAGAIN);
  return n;
}
