// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A bounded retry whose counter moves through a pointer (`bump(&tries)`) or
// a reference makes progress as surely as `tries++`: not a spin. The same
// loop whose retry path leaves the counter alone is.

#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

void bump(int *counter);

int read_bounded(int fd, char *b) {
  int tries = 0;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  while (tries < 5) {
    ssize_t n = read(fd, b, 1);
    if (n < 0 && errno == EAGAIN) {
      bump(&tries);
      continue;
    }
    return (int)n;
  }
  return -1;
}

#ifdef __cplusplus
void bump_ref(int &counter);

int read_bounded_ref(int fd, char *b) {
  int tries = 0;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  while (tries < 5) {
    ssize_t n = read(fd, b, 1);
    if (n < 0 && errno == EAGAIN) {
      bump_ref(tries);
      continue;
    }
    return (int)n;
  }
  return -1;
}
#endif

// The twin: the counter moves only on success.
int read_unbounded(int fd, char *b) {
  int tries = 0;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  while (tries < 5) {
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
    bump(&tries);
    return (int)n;
  }
  return -1;
}
