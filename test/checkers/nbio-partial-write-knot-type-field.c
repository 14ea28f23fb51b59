// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// Reduced from knot 3.2.6 (src/utils/common/netio.c): the client keeps the
// socket and its type in one struct and sends each query with one
// sendmsg(), testing the count against the whole. On the branch where the
// struct's own type field says SOCK_DGRAM, the socket is a datagram socket,
// which takes a message whole or refuses it: not reported. The stream
// branch of the same function is.

#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

struct net {
  int sockfd;
  int socktype;
};

int net_open(struct net *net, int family) {
  net->sockfd = socket(family, net->socktype, 0);
  if (net->sockfd < 0)
    return -1;
  fcntl(net->sockfd, F_SETFL, O_NONBLOCK);
  return 0;
}

int net_send(const struct net *net, const void *buf, size_t len) {
  if (net == NULL || buf == NULL)
    return -1;
  struct iovec iov = {(void *)buf, len};
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (net->socktype == SOCK_DGRAM) {
    if (sendmsg(net->sockfd, &msg, 0) != (ssize_t)len)
      return -1;
  } else {
    if (sendmsg(net->sockfd, &msg, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'sendmsg' on non-blocking fd 'net->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :29:3: note: 'net->sockfd' was made non-blocking here
  }
  return 0;
}

// The test the other way round, and inside an `&&` chain: quiet.
int net_send_not_stream(const struct net *net, const void *buf, size_t len,
                        int ready) {
  if (SOCK_DGRAM != net->socktype) {
    return -1;
  } else if (send(net->sockfd, buf, len, 0) != (ssize_t)len) {
    return -1;
  }
  if (ready && net->socktype == SOCK_RAW) {
    if (send(net->sockfd, buf, len, 0) != (ssize_t)len)
      return -1;
  }
  return 0;
}

// The twin: the type field of another object says nothing of this one's
// socket: reported.
int net_send_other(const struct net *net, const struct net *peer,
                   const void *buf, size_t len) {
  if (peer->socktype == SOCK_DGRAM) {
    if (send(net->sockfd, buf, len, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'net->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :29:3: note: 'net->sockfd' was made non-blocking here
  }
  return 0;
}

// The twin: a test that may hold on another term (`||`) says nothing:
// reported.
int net_send_either(const struct net *net, const void *buf, size_t len,
                    int force) {
  if (net->socktype == SOCK_DGRAM || force) {
    if (send(net->sockfd, buf, len, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'net->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :29:3: note: 'net->sockfd' was made non-blocking here
  }
  return 0;
}

// The twin: the test speaks of the socket the type field describes, not of
// another descriptor of the same object: reported.
struct monitored {
  int sockfd;
  int socktype;
  int monfd;
};

int monitored_open(struct monitored *m, int family) {
  m->sockfd = socket(family, m->socktype, 0);
  m->monfd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return m->sockfd < 0 || m->monfd < 0 ? -1 : 0;
}

int monitored_report(struct monitored *m, const void *buf, size_t len) {
  if (m->socktype == SOCK_DGRAM) {
    if (write(m->monfd, buf, len) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on non-blocking fd 'm->monfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :[[@LINE-11]]:14: note: 'socket' creates a non-blocking descriptor here
  }
  return 0;
}

// The twin: the branch reopens the socket as a stream first (a DNS client
// falling back to TCP after a truncated answer): reported.
int net_retry_over_tcp(struct net *net, int family, const void *buf,
                       size_t len) {
  if (net->socktype == SOCK_DGRAM) {
    close(net->sockfd);
    net->socktype = SOCK_STREAM;
    net_open(net, family);
    if (send(net->sockfd, buf, len, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'net->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :29:3: note: 'net->sockfd' was made non-blocking here
  }
  return 0;
}

// The twin: a stream socket made in the branch itself: reported. (Its own
// struct: a field's values are those of the whole file.)
struct conn {
  int sockfd;
  int socktype;
};

int conn_open(struct conn *c, int family) {
  c->sockfd = socket(family, c->socktype | SOCK_NONBLOCK, 0);
  return c->sockfd < 0 ? -1 : 0;
}

int conn_send_fresh(struct conn *c, const void *buf, size_t len) {
  if (c->socktype == SOCK_DGRAM) {
    c->sockfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (send(c->sockfd, buf, len, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'c->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :[[@LINE-6]]:17: note: 'socket' creates a non-blocking descriptor here
  }
  return 0;
}

// The twin: the variable is pointed at another object after the test:
// reported.
int net_send_switched(const struct net *net, const struct net *tcp,
                      const void *buf, size_t len) {
  if (net->socktype == SOCK_DGRAM) {
    net = tcp;
    if (send(net->sockfd, buf, len, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'net->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :29:3: note: 'net->sockfd' was made non-blocking here
  }
  return 0;
}

// The twin: the branch hands the context that holds the object to a
// function of the file, which may reopen it as a stream (the truncated
// answer's fallback to TCP, one call away): reported.
struct query_ctx {
  struct net *net;
  int truncated;
};

void fallback_tcp(struct query_ctx *q);

int query_send(struct query_ctx *q, const void *buf, size_t len) {
  struct net *net = q->net;
  if (net->socktype == SOCK_DGRAM) {
    if (q->truncated)
      fallback_tcp(q);
    if (send(net->sockfd, buf, len, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'net->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :29:3: note: 'net->sockfd' was made non-blocking here
  }
  return 0;
}

// The twin: the object's pointer is copied, and the copy reopens it:
// reported.
int net_send_aliased(struct net *net, int family, const void *buf,
                     size_t len) {
  struct net *alt = net;
  if (net->socktype == SOCK_DGRAM) {
    alt->socktype = SOCK_STREAM;
    net_open(alt, family);
    if (send(net->sockfd, buf, len, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'net->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :29:3: note: 'net->sockfd' was made non-blocking here
  }
  return 0;
}

// The twin: the socket is made from another object's type field (a
// template of the same struct), not from the one whose field is tested:
// reported.
struct endpoint {
  int sockfd;
  int socktype;
};

static const struct endpoint stream_template = {-1, SOCK_STREAM};

static int endpoint_socket(const struct endpoint *tmpl, int family) {
  return socket(family, tmpl->socktype | SOCK_NONBLOCK, 0);
}

int endpoint_open(struct endpoint *e, int family) {
  e->sockfd = endpoint_socket(&stream_template, family);
  return e->sockfd < 0 ? -1 : 0;
}

int endpoint_send(const struct endpoint *e, const void *buf, size_t len) {
  if (e->socktype == SOCK_DGRAM) {
    if (send(e->sockfd, buf, len, 0) != (ssize_t)len)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'e->sockfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: a short count is taken for a failure here
    // CHECK-MESSAGES: :[[@LINE+1]]:7: note: a short write ends here, and the bytes not yet written are lost
      return -1;
    // CHECK-MESSAGES: :[[@LINE-15]]:10: note: 'socket' creates a non-blocking descriptor here
  }
  return 0;
}
