// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// The type parameter of nbio-connect-einprogress-libnice-type-param.c in
// C++: a call in a namespace-scope initializer is a call too.

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

static int nb_socket(int family, int type) {
  int fd = socket(family, type, 0);
  if (fd != -1)
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

int wait_answer(int fd, int ms) {
  struct pollfd p = {fd, POLLIN, 0};
  return poll(&p, 1, ms);
}

// Every call passes SOCK_DGRAM: quiet.
static int open_peer(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd == -1)
    return -1;
  if (connect(fd, srv, len) && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  return fd;
}

int open_udp_peer(const struct sockaddr *srv, socklen_t len) {
  return open_peer(SOCK_DGRAM, srv, len);
}

// The twin: a global's initializer asks for a stream: reported.
static int open_any(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd == -1)
    return -1;
  if (connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

int open_any_udp(const struct sockaddr *srv, socklen_t len) {
  return open_any(SOCK_DGRAM, srv, len);
}

extern const struct sockaddr *upstream;
int upstream_fd = open_any(SOCK_STREAM, upstream, sizeof(struct sockaddr_in));
