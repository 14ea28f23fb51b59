// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// Reduced from ZeroMQ's signaler (Debian 12's zeromq3, src/signaler.cpp
// and src/ip.cpp): the constructor asks make_fdpair(&_r, &_w) for a pair
// of descriptors, which on Linux stores one eventfd in both members, and
// makes them non-blocking; recv_failable() then asserts that a failed read
// of _r failed with EAGAIN. An eventfd is never a socket and fails with
// EAGAIN alone, so the assertion is right everywhere. Twin still reported:
// the same class over a pair whose read end may be a socket pair's end.

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

typedef int fd_t;

#define errno_assert(x)                                                        \
  do {                                                                         \
    if (!(x))                                                                  \
      abort();                                                                 \
  } while (false)

static void unblock_socket(fd_t s) {
  int flags = fcntl(s, F_GETFL, 0);
  if (flags == -1)
    flags = 0;
  fcntl(s, F_SETFL, flags | O_NONBLOCK);
}

namespace zmq {

int make_fdpair(fd_t *r_, fd_t *w_) {
  fd_t fd = eventfd(0, EFD_CLOEXEC);
  if (fd == -1) {
    errno_assert(errno == ENFILE || errno == EMFILE);
    *w_ = *r_ = -1;
    return -1;
  }
  *w_ = *r_ = fd;
  return 0;
}

int make_fdpair_fallback(fd_t *r_, fd_t *w_, bool events) {
  if (events) {
    fd_t fd = eventfd(0, EFD_CLOEXEC);
    *w_ = *r_ = fd;
    return fd == -1 ? -1 : 0;
  }
  fd_t sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return -1;
  *w_ = sv[0];
  *r_ = sv[1];
  return 0;
}

class signaler_t {
public:
  signaler_t() {
    if (make_fdpair(&_r, &_w) == 0) {
      unblock_socket(_w);
      unblock_socket(_r);
    }
  }
  int recv_failable() {
    uint64_t dummy;
    ssize_t sz = read(_r, &dummy, sizeof(dummy));
    if (sz == -1) {
      errno_assert(errno == EAGAIN);
      return -1;
    }
    return 0;
  }

private:
  fd_t _w;
  fd_t _r;
};

class mailbox_t {
public:
  explicit mailbox_t(bool events) {
    if (make_fdpair_fallback(&_r, &_w, events) == 0) {
      unblock_socket(_w);
      unblock_socket(_r);
    }
  }
  int recv_failable() {
    unsigned char dummy;
    ssize_t sz = read(_r, &dummy, sizeof(dummy));
    if (sz == -1) {
      errno_assert(errno == EAGAIN);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: errno from 'read' on '_r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      return -1;
    }
    return 0;
  }

private:
  fd_t _w;
  fd_t _r;
};

} // namespace zmq

int poll_once(zmq::signaler_t &s, zmq::mailbox_t &m) {
  return s.recv_failable() + m.recv_failable();
}
