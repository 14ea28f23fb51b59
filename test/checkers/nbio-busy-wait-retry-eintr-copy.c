// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// errno copied into a local before it is tested: a retry on EINTR alone
// goes round again only when a signal interrupted the call, which is no
// spin. A copy tested for EAGAIN retries at once: that is.

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

int read_eintr_decl(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  for (;;) {
    ssize_t n = read(fd, b, 1);
    if (n < 0) {
      int e = errno;
      if (e == EINTR) {
        perror("read");
        continue;
      }
      return -1;
    }
    return (int)n;
  }
}

int read_eintr_assigned(int fd, char *b) {
  ssize_t n;
  int e;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  while (1) {
    n = read(fd, b, 1);
    e = errno;
    if (n < 0 && e == EINTR)
      continue;
    break;
  }
  return (int)n;
}

// The twin: the copy is tested for EAGAIN.
int read_eagain_copy(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  for (;;) {
    ssize_t n = read(fd, b, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0) {
      int saved = errno;
      if (saved == EAGAIN || saved == EWOULDBLOCK)
        continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: the call is retried from here
      // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'fd' was made non-blocking here
      // CHECK-FIXES: {{^}}      if (saved == EAGAIN || saved == EWOULDBLOCK) {{{$}}
      // CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
      // CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
      // CHECK-FIXES-NEXT: {{^}}        continue;{{$}}
      // CHECK-FIXES-NEXT: {{^}}      }{{$}}
      return -1;
    }
    return (int)n;
  }
}
