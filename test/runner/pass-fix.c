// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A fix that matches CHECK-FIXES, compiles cleanly with clang and gcc, and
// changes nothing when applied a second time.  The CHECK-FIXES lines would
// match themselves if the runner did not blank them in the copy it fixes.
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --fix-notes %s nbio-eagain-ewouldblock
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
int f(int fd) {
  char b[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, sizeof b);
  if (n < 0) {
    switch (errno) {
    case EAGAIN:
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'read' on 'fd' is handled for EAGAIN but not for EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES:      {{^}}#if EWOULDBLOCK != EAGAIN{{$}}
      // CHECK-FIXES-NEXT: {{^}}    case EWOULDBLOCK:{{$}}
      // CHECK-FIXES-NEXT: {{^}}#endif{{$}}
      // CHECK-FIXES-NEXT: {{^}}    case EAGAIN:{{$}}
      return 0;
    default:
      return -1;
    }
  }
  return (int)n;
}
