// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// The eventfd wake-up of nbio-unhandled-eagain-nng-eventfd-wakeup.c in
// C++: a member descriptor made in the constructor, a constexpr value and
// a namespace-scope constant are quiet; a value a lambda may change by
// reference, or one a reference to it changes, is still reported.

#include <cstdint>
#include <cstdlib>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {
const std::uint64_t kWake = 1;
}

class Poller {
public:
  Poller() : evfd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

  void wake() {
    constexpr std::uint64_t one = 1;
    if (write(evfd_, &one, sizeof one) != sizeof one)
      std::abort();
  }

  void wake_global() {
    if (::write(evfd_, &kWake, sizeof kWake) < 0)
      std::abort();
  }

  void wake_lambda(bool twice) {
    std::uint64_t v = 1;
    auto bump = [&v] { v = 0xfffffffffffffffeULL; };
    if (twice)
      bump();
    if (write(evfd_, &v, sizeof v) != sizeof v)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on non-blocking fd 'evfd_' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      std::abort();
  }

  void wake_alias(std::uint64_t n) {
    std::uint64_t v = 1;
    std::uint64_t &r = v;
    r = n;
    if (write(evfd_, &v, sizeof v) != sizeof v)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on non-blocking fd 'evfd_' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      std::abort();
  }

  void wake_by(std::uint64_t v = 1) {
    if (write(evfd_, &v, sizeof v) != sizeof v)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on non-blocking fd 'evfd_' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      std::abort();
  }

private:
  int evfd_;
};

void use(bool b, std::uint64_t n) {
  Poller p;
  p.wake();
  p.wake_global();
  p.wake_lambda(b);
  p.wake_alias(n);
  p.wake_by(n);
}
