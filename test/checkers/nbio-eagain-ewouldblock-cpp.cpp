// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// The fix-it keeps `errno` as written in the second test (it once wrote
// the expansion), and read() with a template-dependent argument
// (read_block<N>) is seen in the template's own code.

// C++ shapes: member functions, member templates, lambdas, function
// templates, and look-alike functions outside the global namespace.

#include <cerrno>
#include <cstddef>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

namespace net {

class Session {
public:
  explicit Session(int fd) : fd_(fd) {}

  // --- Positive cases ------------------------------------------------------

  int pump() {
    ssize_t n = ::recv(fd_, buf_, sizeof buf_, 0);
    if (n < 0 && errno == EWOULDBLOCK)
      // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recv' on 'fd_' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (n < 0 && (errno == EWOULDBLOCK ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                  (EAGAIN != EWOULDBLOCK && errno == EAGAIN))){{$}}
      return 0;
    return static_cast<int>(n);
  }

  template <typename Buffer> int fill(Buffer &b) {
    ssize_t n = ::read(fd_, b.data(), b.size());
    if (n < 0 && errno == EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'read' on 'fd_' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (n < 0 && (errno == EAGAIN ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
      return 0;
    return static_cast<int>(n);
  }

  bool try_flush() {
    auto would_block = [this]() {
      ssize_t m = ::send(fd_, buf_, 1, MSG_NOSIGNAL);
      return m < 0 && errno == EAGAIN;
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: errno from 'send' on 'fd_' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}      return m < 0 && (errno == EAGAIN ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                       (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK));{{$}}
    };
    return would_block();
  }

  // --- Negative cases ------------------------------------------------------

  int pump_ok() {
    ssize_t n = ::recv(fd_, buf_, sizeof buf_, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return 0;
    return static_cast<int>(n);
  }

private:
  int fd_;
  char buf_[256];
};

struct Chunk {
  char bytes[64];
  char *data() { return bytes; }
  std::size_t size() const { return sizeof bytes; }
};

// A read() of our own, not the libc one: its errno is none of our business.
inline long read(int, void *, std::size_t) { return -1; }

int poll_private(int fd) {
  char c;
  long n = net::read(fd, &c, 1);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return 1;
}

} // namespace net

// A function template whose read() call depends on the template parameter:
// the call is only resolved at instantiation, but the test is in the
// template's own code.
template <std::size_t N> static int read_block(int fd) {
  char block[N];
  ssize_t n = read(fd, block, N);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return static_cast<int>(n) + block[0];
}

int run_all(int fd);
int run_all(int fd) {
  net::Session s(fd);
  net::Chunk c;
  int r = s.pump() + s.fill(c) + (s.try_flush() ? 1 : 0) + s.pump_ok();
  return r + net::poll_private(fd) + read_block<16>(fd) + read_block<32>(fd);
}
