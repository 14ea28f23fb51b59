// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// C++: the :: forms, members made non-blocking in another member function,
// look-alikes that are not the libc calls, templates and lambdas.

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

class Connection {
public:
  explicit Connection(int fd) : fd_(fd) {}
  void set_nonblocking(bool on) {
    int flags = ::fcntl(fd_, F_GETFL, 0);
    ::fcntl(fd_, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK);
  }
  void on_readable() {
    ssize_t n = ::read(fd_, buf_, sizeof buf_);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on non-blocking fd 'fd_' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    if (n <= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  void on_readable_ok() {
    ssize_t n = ::read(fd_, buf_, sizeof buf_);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return;
    if (n <= 0)
      ::close(fd_);
  }

private:
  int fd_;
  char buf_[256];
};

// Look-alikes: a namespace function and a member called read.
namespace mylib {
long read(int fd, void *buf, unsigned long n);
}
struct Stream {
  long read(void *buf, unsigned long n);
};

void look_alikes(int fd, Stream &s, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (mylib::read(fd, b, 1) <= 0)
    std::exit(1);
  if (s.read(b, 1) <= 0)
    std::exit(1);
}

// A template: reported once, at the pattern, not per instantiation.
template <typename Buffer> void fill(int fd, Buffer &b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (::read(fd, b.data, sizeof b.data) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    std::abort();
}
struct Small { char data[8]; };
struct Large { char data[64]; };
void use_fill(int fd) {
  Small s;
  Large l;
  fill(fd, s);
  fill(fd, l);
}

// A lambda is a function of its own.
void with_lambda(int fd) {
  auto on_event = [](int conn) {
    char b[16];
    int flags = fcntl(conn, F_GETFL);
    fcntl(conn, F_SETFL, flags | O_NONBLOCK);
    if (recv(conn, b, sizeof b, 0) <= 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on non-blocking fd 'conn' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      close(conn);
  };
  on_event(fd);
}
