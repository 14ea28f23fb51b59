// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Older code includes <sys/poll.h>, which declares the same poll(): the
// fix does not add <poll.h> next to it.

#include <errno.h>
#include <stddef.h>
#include <sys/poll.h>
#include <sys/socket.h>
#include <sys/types.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <stddef.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <sys/poll.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <sys/socket.h>{{$}}
// CHECK-FIXES-NOT: #include <poll.h>

int telnet_read_byte(int sock, unsigned char *c) {
  ssize_t n;
  while ((n = recv(sock, c, 1, 0)) < 0 && errno == EWOULDBLOCK)
    ;
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'recv' on fd 'sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  return (int)n;
}
// CHECK-FIXES: struct pollfd wait_pfd = {sock, POLLIN, 0};
// CHECK-FIXES-NEXT: (void)poll(&wait_pfd, 1, -1);
