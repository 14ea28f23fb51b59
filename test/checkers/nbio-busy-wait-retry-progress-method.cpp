// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Progress in a retry loop: a budget object of the loop's condition spent
// through a non-const member function on the retry path bounds the loop,
// as a counter does. The twin spends it only on success, so the EAGAIN
// path spins.

#include <cerrno>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

class RetryBudget {
public:
  bool left() const { return Tries < 5; }
  void spend() { ++Tries; }

private:
  int Tries = 0;
};

ssize_t readSpending(int fd, char *b) {
  RetryBudget budget;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  while (budget.left()) {
    ssize_t n = read(fd, b, 1);
    if (n < 0 && errno == EAGAIN) {
      budget.spend();
      continue;
    }
    return n;
  }
  return -1;
}

ssize_t readSpendingOnSuccess(int fd, char *b) {
  RetryBudget budget;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  while (budget.left()) {
    ssize_t n = read(fd, b, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n == -1 && errno == EAGAIN)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'fd' was made non-blocking here
    // CHECK-FIXES: {{^}}    if (n == -1 && errno == EAGAIN) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
    budget.spend();
    return n;
  }
  return -1;
}
