// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry -- -std=c11 -I%S/Inputs
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17 -I%S/Inputs

// A file whose only include is the project's own header, in quotes: the
// system header goes in its own block above it.

/* Console reader of a small daemon. */
#include "busy-net.h"

// CHECK-FIXES: {{^}}/* Console reader of a small daemon. */{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}#include "busy-net.h"{{$}}

ssize_t console_read_line(int fd, char *line, size_t cap) {
  ssize_t n;
  do {
    n = read(fd, line, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n == -1 && errno == EAGAIN);
  return n;
}
// CHECK-FIXES: {{^}}    if (n == -1 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
