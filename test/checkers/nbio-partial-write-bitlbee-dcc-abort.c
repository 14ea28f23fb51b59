// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// Reduced from bitlbee 3.6 (dcc.c, the DCC SEND path): the accepted
// transfer socket is copied into the callback's parameter and made
// non-blocking there; each chunk is sent when the event loop says the
// socket is writable, and a send() that takes less than the chunk aborts the
// whole file transfer. Writable only means "some room": a chunk larger than
// the free space is written in part. Twin: the proxy handshake in
// lib/proxy.c sends its request after making the socket blocking again,
// where a short count cannot happen.

#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct xfer {
  int fd;
  unsigned long sent;
};

int xfer_abort(struct xfer *x, const char *why, ...);

#define CHECKED_SOCKOP(op, what)                                               \
  if ((op) == -1) {                                                            \
    return xfer_abort(x, what);                                                \
  }

int xfer_accept(struct xfer *x, int fd) {
  CHECKED_SOCKOP(x->fd = accept(fd, 0, 0), "accepting");
  close(fd);
  fd = x->fd;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  return 1;
}

int xfer_write(struct xfer *x, const char *chunk, unsigned len) {
  int ret;
  CHECKED_SOCKOP(ret = (int)send(x->fd, chunk, len, 0), "sending");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' on non-blocking fd 'x->fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  if (ret == 0)
    return xfer_abort(x, "peer closed");
  if (ret < (int)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: a short count is taken for a failure here
    return xfer_abort(x, "sent %d of %u", ret, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :36:3: note: 'x->fd' was made non-blocking here
  x->sent += (unsigned long)ret;
  return 1;
}

// Twin: the same shape on a socket made blocking first.
struct proxy {
  int fd;
};

void proxy_start(struct proxy *p, int fd) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  p->fd = fd;
}

int proxy_request(int source, const char *cmd) {
  fcntl(source, F_SETFL, 0);
  if (send(source, cmd, strlen(cmd), 0) < 0)
    return 0;
  return 1;
}
