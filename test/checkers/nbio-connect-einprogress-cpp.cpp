// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// C++ shapes: the descriptor as a data member, teardown through member
// functions of its owner, lambdas, exceptions.

#include <cerrno>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace proxy {

class Upstream {
public:
  explicit Upstream(const sockaddr_in &addr) : addr_(addr) {}

  // --- Positive cases ------------------------------------------------------

  bool start() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd_ < 0)
      return false;
    if (::connect(fd_, peer(), sizeof addr_) < 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'connect' on non-blocking fd 'fd_' treats EINPROGRESS as a failure [nbio-connect-einprogress]
      ::close(fd_);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
      // CHECK-MESSAGES: :[[@LINE-7]]:11: note: 'socket' creates a non-blocking descriptor here
      fd_ = -1;
      return false;
    }
    return true;
  }

  // Teardown through a member function of the object that owns fd_.
  bool restart() {
    if (::connect(fd_, peer(), sizeof addr_) < 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'connect' on non-blocking fd 'fd_' treats EINPROGRESS as a failure [nbio-connect-einprogress]
      close();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
      // CHECK-MESSAGES: :[[@LINE-20]]:11: note: 'socket' creates a non-blocking descriptor here
      return false;
    }
    return true;
  }

  // --- Negative cases ------------------------------------------------------

  bool start_ok() {
    if (::connect(fd_, peer(), sizeof addr_) < 0 && errno != EINPROGRESS) {
      close();
      return false;
    }
    return true;
  }

  bool connected() const {
    int soerr = 0;
    socklen_t len = sizeof soerr;
    return ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &soerr, &len) == 0 &&
           soerr == 0;
  }

  void close() {
    if (fd_ >= 0)
      ::close(fd_);
    fd_ = -1;
  }

private:
  const sockaddr *peer() const {
    return reinterpret_cast<const sockaddr *>(&addr_);
  }
  sockaddr_in addr_;
  int fd_ = -1;
};

struct Pool {
  int fd;
  sockaddr_in addr;
  void destroy() {
    ::close(fd);
    fd = -1;
  }
};

// A member teardown called on the owner object.
static bool pool_connect(Pool *p) {
  p->fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (::connect(p->fd, reinterpret_cast<const sockaddr *>(&p->addr),
                sizeof p->addr) < 0) {
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 'p->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    p->destroy();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'destroy' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-6]]:11: note: 'socket' creates a non-blocking descriptor here
    return false;
  }
  return true;
}
// CHECK-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-FIXES: if (nbio_connect_wait(::connect(fd_, peer(), sizeof addr_), fd_, 5000) < 0) {
// CHECK-FIXES: if (nbio_connect_wait(::connect(fd_, peer(), sizeof addr_), fd_, 5000) < 0) {
// CHECK-FIXES: if (nbio_connect_wait(::connect(p->fd, reinterpret_cast<const sockaddr *>(&p->addr),
// CHECK-FIXES: sizeof p->addr), p->fd, 5000) < 0) {

// A lambda that creates and connects its own socket.
static int dial_lambda(const sockaddr_in &sa) {
  auto attempt = [&sa]() {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa) < 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
      ::close(fd);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
      // CHECK-MESSAGES: :[[@LINE-5]]:14: note: 'socket' creates a non-blocking descriptor here
      return -1;
    }
    return fd;
  };
  return attempt();
}
// CHECK-FIXES: if (nbio_connect_wait(::connect(fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa), fd, 5000) < 0) {

// A lambda that connects a socket its enclosing function made non-blocking.
static int dial_captured(const sockaddr_in &sa) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  auto attempt = [fd, &sa]() {
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa) < 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
      ::close(fd);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
      // CHECK-MESSAGES: :[[@LINE-6]]:12: note: 'socket' creates a non-blocking descriptor here
      return false;
    }
    return true;
  };
  return attempt() ? fd : -1;
}
// CHECK-FIXES: if (nbio_connect_wait(::connect(fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa), fd, 5000) < 0) {

// --- Negative cases --------------------------------------------------------

// The failure leaves through an exception: the caller decides, as with a
// return. The close() further down is on the success path only.
static long send_greeting(const sockaddr_in &sa) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (::connect(fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa) < 0)
    throw std::runtime_error("connect failed");
  long n = ::send(fd, "hi", 2, MSG_NOSIGNAL);
  ::close(fd);
  return n;
}

} // namespace proxy

int proxy_demo(const sockaddr_in &sa);
int proxy_demo(const sockaddr_in &sa) {
  proxy::Upstream u(sa);
  proxy::Pool pool{-1, sa};
  int r = u.start() + u.restart() + u.start_ok() + u.connected();
  r += proxy::pool_connect(&pool) + proxy::dial_lambda(sa);
  r += proxy::dial_captured(sa);
  return r + static_cast<int>(proxy::send_greeting(sa));
}
