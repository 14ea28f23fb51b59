// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// Shaped after joyent/libuv issue 386: accept() on a non-blocking pipe
// server asserted that it succeeded; with no client queued it fails with
// EAGAIN and the assertion aborts. The fix returns quietly. Our own code.

#include <assert.h>
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

struct pipe_server {
  int fd;
  int pending;
};

int server_open(struct pipe_server *s) {
  s->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return s->fd < 0 ? -1 : 0;
}

int server_accept_buggy(struct pipe_server *s) {
  int fd = accept(s->fd, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'accept' on non-blocking fd 's->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  assert(fd >= 0);
  return fd;
}

int server_accept_fixed(struct pipe_server *s) {
  int fd = accept(s->fd, NULL, NULL);
  if (fd < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      return 0; // nothing queued yet
    return -1;
  }
  s->pending++;
  return fd;
}
