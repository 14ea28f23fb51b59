// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A descriptor the function gives a destination address, by sendto() with
// one or by sendmsg() with msg_name set, is a datagram socket: a stream
// socket takes no address with each send. Its sends are whole, also the
// plain send() on the other branch (reduced from unbound's
// comm_point_send_udp_msg, which takes a count other than the length for
// a failure). Twins: a sendmsg() whose msg_name is null, and a function
// that never gives the descriptor an address, are reported.

#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

struct point {
  int fd;
};

void point_open(struct point *c, int fd) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  c->fd = fd;
}

int point_send(struct point *c, const char *p, size_t n,
               const struct sockaddr *addr, socklen_t alen) {
  ssize_t sent;
  if (addr)
    sent = sendto(c->fd, p, n, 0, addr, alen);
  else
    sent = send(c->fd, p, n, 0);
  if (sent == -1)
    return 0;
  if ((size_t)sent != n)
    return 0;
  return 1;
}

int point_send_from(struct point *c, const char *p, size_t n,
                    struct sockaddr *addr, socklen_t alen) {
  struct msghdr msg;
  struct iovec iov;
  memset(&msg, 0, sizeof msg);
  iov.iov_base = (void *)p;
  iov.iov_len = n;
  msg.msg_name = addr;
  msg.msg_namelen = alen;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  ssize_t sent = sendmsg(c->fd, &msg, 0);
  if (sent == -1)
    return 0;
  if ((size_t)sent != n)
    return 0;
  return 1;
}

// Twin: no address.
int point_send_unnamed(struct point *c, const char *p, size_t n) {
  struct msghdr msg;
  struct iovec iov;
  memset(&msg, 0, sizeof msg);
  iov.iov_base = (void *)p;
  iov.iov_len = n;
  msg.msg_name = NULL;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  ssize_t sent = sendmsg(c->fd, &msg, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'sendmsg' on non-blocking fd 'c->fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  if (sent == -1)
    return 0;
  if ((size_t)sent != n)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: a short count is taken for a failure here
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  return 1;
}
// CHECK-MESSAGES: :26:3: note: 'fd' was made non-blocking here

// Twin: a stream socket's send.
int point_send_stream(struct point *c, const char *p, size_t n) {
  ssize_t sent = send(c->fd, p, n, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'send' on non-blocking fd 'c->fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  if (sent == -1)
    return 0;
  if ((size_t)sent != n)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: a short count is taken for a failure here
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  return 1;
}
// CHECK-MESSAGES: :26:3: note: 'fd' was made non-blocking here
