// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// The eventfd wake-up of nbio-unhandled-eagain-nng-eventfd-wakeup.c in
// C++: a member descriptor made in the constructor, a constexpr value and
// a namespace-scope constant are quiet, and so is a drain whose count and
// value are dropped; a value a lambda may change by reference, or one a
// reference to it changes, and a drained value kept through a reference,
// read by a lambda or by a destructor, are still reported.

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

  // Draining the counter, count and value dropped: quiet (see
  // nbio-unhandled-eagain-libev-evpipe-wakeup.c).
  void drain() {
    std::uint64_t n;
    read(evfd_, &n, sizeof n);
  }

  // The value kept through a reference, or read by a lambda.
  void drain_kept() {
    std::uint64_t &r = pending_;
    read(evfd_, &r, sizeof r);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'read' on non-blocking fd 'evfd_' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  }

  // An object whose destructor reads what was drained into it.
  struct Shown {
    std::uint64_t n = 0;
    ~Shown() { last_seen = n; }
  };
  void drain_object() {
    Shown s;
    read(evfd_, &s, sizeof s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'read' on non-blocking fd 'evfd_' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  }
  static std::uint64_t last_seen;

  std::uint64_t drain_shown() {
    std::uint64_t n;
    auto show = [&n] { return n; };
    read(evfd_, &n, sizeof n);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'read' on non-blocking fd 'evfd_' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
    return show();
  }

private:
  int evfd_;
  std::uint64_t pending_ = 0;
};

void use(bool b, std::uint64_t n) {
  Poller p;
  p.wake();
  p.wake_global();
  p.wake_lambda(b);
  p.wake_alias(n);
  p.wake_by(n);
  p.drain();
  p.drain_kept();
  p.drain_object();
  (void)p.drain_shown();
}
