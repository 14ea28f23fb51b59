// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A daemon's "keep going" flag next to the EAGAIN test (joined with &&, or
// as the loop condition, plain or volatile sig_atomic_t): until the flag
// changes, each loop below goes straight back to read() on EAGAIN.

// A failure-independent term under `!` counts as true like any other (it was
// once taken as false, hiding `while (!stop_requested)`).

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

static volatile sig_atomic_t stop_requested;
int running = 1;

void on_sigterm(int sig) {
  (void)sig;
  stop_requested = 1;
  running = 0;
}

ssize_t tail_do_while_running(int fd, char *buf, size_t cap) {
  ssize_t n;
  do {
    n = read(fd, buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN && running);
  return n;
}
// CHECK-FIXES: {{^}}    if (n < 0 && errno == EAGAIN && running) {{[{]}}{{$}}

ssize_t tail_while_running(int fd, char *buf, size_t cap) {
  ssize_t n;
  while ((n = read(fd, buf, cap)) < 0 && errno == EAGAIN && running) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  }
  return n;
}
// CHECK-FIXES: struct pollfd wait_pfd = {fd, POLLIN, 0};

ssize_t tail_if_running(int fd, char *buf, size_t cap) {
  for (;;) {
    ssize_t n = read(fd, buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && errno == EAGAIN && running)
      continue;
    return n;
  }
}
// CHECK-FIXES: {{^}}    if (n < 0 && errno == EAGAIN && running) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

ssize_t tail_until_signal(int fd, char *buf, size_t cap) {
  while (!stop_requested) {
    ssize_t n = read(fd, buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && errno == EAGAIN)
      continue;
    return n;
  }
  return 0;
}
// CHECK-FIXES: struct pollfd wait_pfd = {fd, POLLIN, 0};
