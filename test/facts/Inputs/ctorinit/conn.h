// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A connection class split across files: conn.cpp dials and sends, app.cpp
// wraps a socket it made itself. Conn takes any descriptor in its
// constructor; Dialed always dials its own (and its move constructor
// takes another Dialed's).
#ifndef CTORINIT_CONN_H
#define CTORINIT_CONN_H
#include <cstddef>

int dial(const char *path); // a blocking socket, or -1

class Conn {
public:
  explicit Conn(int fd) : fd_(fd) {}
  Conn() : fd_(-1) {}
  long put(const char *path, const char *b, std::size_t n);

private:
  int fd_;
};

class Dialed {
public:
  explicit Dialed(const char *path) : fd_{dial(path)} {}
  Dialed(Dialed &&o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  long put(const char *b, std::size_t n);

private:
  int fd_;
};
#endif
