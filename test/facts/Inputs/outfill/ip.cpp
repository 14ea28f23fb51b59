// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The helpers store what they made through their pointer parameters: an
// eventfd (never a socket), or a socket pair's ends. Only make_fdpair is a
// fact: make_any's overload stores a socket, and pair_maker::make is
// virtual.
#include "ip.hpp"
#include <sys/eventfd.h>
#include <sys/socket.h>

int zmq::make_fdpair(fd_t *r_, fd_t *w_) {
  fd_t fd = eventfd(0, EFD_CLOEXEC);
  if (fd == -1) {
    *w_ = *r_ = -1;
    return -1;
  }
  *w_ = *r_ = fd;
  return 0;
}

int zmq::make_stream_pair(fd_t *r_, fd_t *w_) {
  fd_t sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return -1;
  *w_ = sv[0];
  *r_ = sv[1];
  return 0;
}

int zmq::make_any(fd_t *r_) {
  *r_ = eventfd(0, 0);
  return *r_ < 0 ? -1 : 0;
}

int zmq::make_any(fd_t *r_, int type) {
  *r_ = socket(AF_INET, type, 0);
  return *r_ < 0 ? -1 : 0;
}

int zmq::pair_maker::make(fd_t *r_) {
  *r_ = eventfd(0, 0);
  return *r_ < 0 ? -1 : 0;
}
