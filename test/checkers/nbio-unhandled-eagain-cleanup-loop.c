// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A failure branch that frees the connection's buffers in a loop before it
// closes the socket ends the connection as surely as one without the loop:
// the loop is followed (it may run or not) and the close after it is the
// end of the path. A loop on the way that decides the path itself (it
// returns, or tests errno) is not looked through.

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
  int fd;
  int nbufs;
  char *bufs[8];
};

void conn_read(struct conn *c, char *dst, unsigned len) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(c->fd, dst, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    for (int i = 0; i < c->nbufs; i++)
      free(c->bufs[i]);
    close(c->fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'c->fd' was made non-blocking here
    return;
  }
}

// Look-alike: the loop on the way returns on EAGAIN, before the close.
void conn_read_checked(struct conn *c, char *dst, unsigned len) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(c->fd, dst, len);
  if (n <= 0) {
    for (int i = 0; i < c->nbufs; i++) {
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        return;
      free(c->bufs[i]);
    }
    close(c->fd);
    return;
  }
}
