// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#pragma once
typedef int fd_t;
namespace zmq {
int make_fdpair(fd_t *r_, fd_t *w_);
int make_stream_pair(fd_t *r_, fd_t *w_);
// Overloads share a name: one stores an eventfd, the other a socket.
int make_any(fd_t *r_);
int make_any(fd_t *r_, int type);
// A virtual method may be overridden by one that stores a socket.
struct pair_maker {
  virtual int make(fd_t *r_);
  virtual ~pair_maker() = default;
};
} // namespace zmq
