// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// C++ side of nbio-busy-wait-retry-cond-side-effects.c: a loop condition
// that calls a member function, as `off < out.size()` does, does not stop
// the walk, so the usual C++ write-all loop that spins on EAGAIN is
// reported (it once went unreported).

#include <cerrno>
#include <cstddef>
#include <string>
#include <sys/socket.h>
#include <sys/types.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

class Session {
public:
  explicit Session(int fd) : fd_(fd) {}
  bool writeAll(const std::string &out);

private:
  int fd_;
};

bool Session::writeAll(const std::string &out) {
  std::size_t off = 0;
  while (off < out.size()) {
    ssize_t put = ::send(fd_, out.data() + off, out.size() - off, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'send' on fd 'fd_' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (put < 0) {
      if (errno == EAGAIN)
        continue;
      return false;
    }
    off += static_cast<std::size_t>(put);
  }
  return true;
}
// CHECK-FIXES: {{^}}      if (errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {fd_, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}        continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}      }{{$}}
