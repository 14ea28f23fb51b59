// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// Reduced from libnice 0.1.21 (stun/usages/bind.c): a STUN transport helper
// takes the socket type as a parameter, makes the socket non-blocking in a
// helper of its own, and connect()s it only for a stream type, accepting
// EINPROGRESS without ever reading SO_ERROR. Both of its callers pass
// SOCK_DGRAM, so the socket is a datagram socket and the connect is never
// made: nothing to report. The same helper with one caller that passes a
// stream type, or one that other files can call, is still reported.

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

static int nb_socket(int family, int type, int proto) {
  int fd = socket(family, type, proto);
  if (fd == -1)
    return -1;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

static int transport_open(int type, const struct sockaddr *srv,
                          socklen_t len) {
  int fd = nb_socket(srv->sa_family, type, 0);
  if (fd == -1)
    return -1;
  if (type != SOCK_DGRAM) {
    if (connect(fd, srv, len) && errno != EINPROGRESS) {
      close(fd);
      return -1;
    }
  }
  return fd;
}

int bind_discovery(const struct sockaddr *srv, socklen_t len) {
  return transport_open(SOCK_DGRAM, srv, len);
}

int bind_alternate(const struct sockaddr *srv, socklen_t len) {
  return transport_open(SOCK_DGRAM, srv, len);
}

// The file waits for readiness (as libnice's STUN code polls for the
// answer), so a connect that accepts EINPROGRESS must read SO_ERROR.
int wait_answer(int fd, int ms) {
  struct pollfd p = {fd, POLLIN, 0};
  return poll(&p, 1, ms);
}

// The twin: the same helper, and one of its callers asks for a stream.
static int transport_open_any(int type, const struct sockaddr *srv,
                              socklen_t len) {
  int fd = nb_socket(srv->sa_family, type, 0);
  if (fd == -1)
    return -1;
  if (type != SOCK_DGRAM) {
    if (connect(fd, srv, len) && errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
      close(fd);
      return -1;
    }
  }
  return fd;
}

int open_udp(const struct sockaddr *srv, socklen_t len) {
  return transport_open_any(SOCK_DGRAM, srv, len);
}

int open_tcp(const struct sockaddr *srv, socklen_t len) {
  return transport_open_any(SOCK_STREAM, srv, len);
}

// The twin: other files may call it with any type.
int transport_open_extern(int type, const struct sockaddr *srv,
                          socklen_t len) {
  int fd = nb_socket(srv->sa_family, type, 0);
  if (fd == -1)
    return -1;
  if (type != SOCK_DGRAM) {
    if (connect(fd, srv, len) && errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
      close(fd);
      return -1;
    }
  }
  return fd;
}

int open_extern_udp(const struct sockaddr *srv, socklen_t len) {
  return transport_open_extern(SOCK_DGRAM, srv, len);
}

// The twin: a helper that changes its type before the socket is made.
static int transport_open_changed(int type, const struct sockaddr *srv,
                                  socklen_t len) {
  if (srv->sa_family == AF_INET6)
    type = SOCK_STREAM;
  int fd = nb_socket(srv->sa_family, type, 0);
  if (fd == -1)
    return -1;
  if (type != SOCK_DGRAM) {
    if (connect(fd, srv, len) && errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
      close(fd);
      return -1;
    }
  }
  return fd;
}

int open_changed(const struct sockaddr *srv, socklen_t len) {
  return transport_open_changed(SOCK_DGRAM, srv, len);
}

// The twin: the helper is also kept in a table, through which any type may
// come: reported.
static int transport_open_table(int type, const struct sockaddr *srv,
                                socklen_t len) {
  int fd = nb_socket(srv->sa_family, type, 0);
  if (fd == -1)
    return -1;
  if (type != SOCK_DGRAM) {
    if (connect(fd, srv, len) && errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
      close(fd);
      return -1;
    }
  }
  return fd;
}

int open_table_udp(const struct sockaddr *srv, socklen_t len) {
  return transport_open_table(SOCK_DGRAM, srv, len);
}

struct transport_ops {
  int (*open)(int, const struct sockaddr *, socklen_t);
};
const struct transport_ops stream_ops = {transport_open_table};

// Naming the helper where nothing calls it (a cast to void, the type of
// an expression) lets it out to nobody: still quiet.
static int transport_open_named(int type, const struct sockaddr *srv,
                                socklen_t len) {
  int fd = nb_socket(srv->sa_family, type, 0);
  if (fd == -1)
    return -1;
  if (type != SOCK_DGRAM) {
    if (connect(fd, srv, len) && errno != EINPROGRESS) {
      close(fd);
      return -1;
    }
  }
  return fd;
}

int open_named_udp(const struct sockaddr *srv, socklen_t len) {
  (void)transport_open_named;
  __typeof__(transport_open_named) *unused = 0;
  (void)unused;
  return transport_open_named(SOCK_DGRAM, srv, len);
}

// The twin: an alias gives the helper a name other files call: reported.
static int transport_open_aliased(int type, const struct sockaddr *srv,
                                  socklen_t len) {
  int fd = nb_socket(srv->sa_family, type, 0);
  if (fd == -1)
    return -1;
  if (type != SOCK_DGRAM) {
    if (connect(fd, srv, len) && errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
      close(fd);
      return -1;
    }
  }
  return fd;
}

int open_aliased_udp(const struct sockaddr *srv, socklen_t len) {
  return transport_open_aliased(SOCK_DGRAM, srv, len);
}

int transport_open_exported(int type, const struct sockaddr *srv,
                            socklen_t len)
    __attribute__((alias("transport_open_aliased")));
