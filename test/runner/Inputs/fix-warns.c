// The fix itself is right, but the fixed file does not build warning-free
// (an unused variable): the compile step must catch it.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
int f(int fd) {
  char b[16];
  int unused;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, sizeof b);
  if (n < 0) {
    switch (errno) {
    case EAGAIN:
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'read' on 'fd' is handled for EAGAIN but not for EWOULDBLOCK
      // CHECK-FIXES: {{^}}    case EWOULDBLOCK:{{$}}
      return 0;
    default:
      return -1;
    }
  }
  return (int)n;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
