// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A constructor's member initializer stores into the field as an
// assignment in its body would: a field initialized with a SOCK_NONBLOCK
// socket is non-blocking, and closing it on a failed write drops the
// connection on EAGAIN. The initializers run before the body: a socket
// made blocking again in the body (after a connect with a time limit)
// stays quiet. Twin: the same class over a plain socket() is blocking and
// stays quiet.

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

class Sock {
public:
  Sock() : fd_(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {}
  long put(const char *b, unsigned long n) {
    // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'write' on non-blocking fd 'fd_' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    long nb = write(fd_, b, n);
    if (nb < 0)
      close(fd_);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-7]]:16: note: 'socket' creates a non-blocking descriptor here
    return nb;
  }

private:
  int fd_;
};

static void set_blocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl != -1)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

class Dialer {
public:
  explicit Dialer(const sockaddr_in &sa)
      : fd_(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {
    if (connect(fd_, reinterpret_cast<const sockaddr *>(&sa), sizeof sa) <
            0 &&
        errno == EINPROGRESS) {
      pollfd p{fd_, POLLOUT, 0};
      poll(&p, 1, 3000);
    }
    set_blocking(fd_);
  }
  long put(const char *b, unsigned long n) {
    long nb = write(fd_, b, n);
    if (nb < 0)
      close(fd_);
    return nb;
  }

private:
  int fd_;
};

class Plain {
public:
  Plain() : fd_{socket(AF_INET, SOCK_STREAM, 0)} {}
  long put(const char *b, unsigned long n) {
    long nb = write(fd_, b, n);
    if (nb < 0)
      close(fd_);
    return nb;
  }

private:
  int fd_;
};

long use(const char *b, const sockaddr_in &sa) {
  Sock s;
  Plain p;
  Dialer d(sa);
  return s.put(b, 4) + p.put(b, 4) + d.put(b, 4);
}
