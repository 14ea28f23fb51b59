// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Shaped after libzmq issue 1583 (PRs 1584, 1595): the signaler read the
// 8 bytes of an eventfd-like non-blocking descriptor and asserted on the
// count, so a spurious wake-up (EAGAIN) aborted the process. Our own code,
// not libzmq's.

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

[[noreturn]] void io_abort(const char *why);

#define io_assert(cond)                                                        \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "%s\n", std::strerror(errno));                      \
      io_abort(#cond);                                                         \
    }                                                                          \
  } while (false)

class wakeup_channel {
public:
  wakeup_channel() {
    int fds[2];
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0) {
      r_ = fds[0];
      w_ = fds[1];
    }
  }
  void recv() {
    uint64_t token;
    ssize_t n = ::read(r_, &token, sizeof token);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on non-blocking fd 'r_' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    io_assert(n == sizeof token);
  }
  // The fix: a read that may fail with EAGAIN says so to its caller.
  bool try_recv() {
    uint64_t token;
    ssize_t n = ::read(r_, &token, sizeof token);
    if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return false;
    io_assert(n == sizeof token);
    return true;
  }

private:
  int r_ = -1;
  int w_ = -1;
};
