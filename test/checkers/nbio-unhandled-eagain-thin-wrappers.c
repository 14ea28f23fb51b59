// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A project's own thin wrappers of the I/O calls: a function that passes
// its parameter on as the descriptor and returns the call's failure
// untested is the call, for its callers' failure paths. Wrappers of
// wrappers too.

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
  int fd;
  char buf[512];
};

void conn_accepted(struct conn *c, int fd) {
  c->fd = fd;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static ssize_t net_recv(int s, void *b, size_t n) {
  return recvfrom(s, b, n, 0, NULL, NULL);
}

static ssize_t net_read(int s, void *b, size_t n) {
  ssize_t r = net_recv(s, b, n);
  if (r < 0)
    return -1;
  return r;
}

void conn_readable(struct conn *c) {
  ssize_t n = net_recv(c->fd, c->buf, sizeof c->buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'net_recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    close(c->fd);
    return;
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :23:3: note: 'fd' was made non-blocking here
  // CHECK-MESSAGES: :27:10: note: 'net_recv' hands the outcome of 'recvfrom' on its parameter 's' back to its caller here
}

void conn_readable_layered(struct conn *c) {
  if (net_read(c->fd, c->buf, sizeof c->buf) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'net_read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(c->fd);
}

// Twins that must stay quiet.

// A wrapper that handles EAGAIN itself is not a thin one.
static ssize_t net_recv_again(int s, void *b, size_t n) {
  ssize_t r = recv(s, b, n, 0);
  if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return 0;
  return r;
}

void conn_readable_handled(struct conn *c) {
  if (net_recv_again(c->fd, c->buf, sizeof c->buf) < 0)
    close(c->fd);
}

// The same wrapper on a descriptor not known to be non-blocking.
void file_read(int fd, char *b, size_t n) {
  if (net_recv(fd, b, n) < 0)
    close(fd);
}
