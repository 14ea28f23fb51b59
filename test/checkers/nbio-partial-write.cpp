// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// C++ shapes: a member descriptor made non-blocking in the constructor, a
// std::string buffer, a lambda, and the count kept in a member.

#include <fcntl.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

class Session {
public:
  explicit Session(int fd) : fd_(fd) {
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  }

  bool sendLine(const std::string &line) {
    auto n = ::send(fd_, line.data(), line.size(), MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'send' on non-blocking fd 'fd_' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    if (n != static_cast<ssize_t>(line.size())) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: a short count is taken for a failure here
      ::close(fd_);
      return false;
    }
    return true;
  }

  void sendLater(const std::string &msg) {
    auto flush = [this](const std::string &m) {
      return ::write(fd_, m.data(), m.size()) >= 0;
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'write' on non-blocking fd 'fd_' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    };
    flush(msg);
  }

  // Quiet: the unsent tail is kept for the next writable event.
  void queue(const std::string &msg) {
    ssize_t n = ::write(fd_, msg.data(), msg.size());
    if (n < 0)
      return;
    pending_ = msg.substr(static_cast<size_t>(n));
  }

  // Quiet: the count goes back to the caller.
  ssize_t writeSome(const std::string &msg) {
    return ::write(fd_, msg.data(), msg.size());
  }

private:
  int fd_;
  std::string pending_;
};
