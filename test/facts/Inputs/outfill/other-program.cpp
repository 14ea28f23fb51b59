// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Another program of the same project with its own make_fdpair(), which
// stores a socket: a file that calls the name may get either.
#include "ip.hpp"
#include <sys/socket.h>

int zmq::make_fdpair(fd_t *r_, fd_t *w_) {
  *w_ = *r_ = socket(AF_INET, SOCK_DGRAM, 0);
  return *r_ < 0 ? -1 : 0;
}
