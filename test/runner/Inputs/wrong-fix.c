// The fix adds an EWOULDBLOCK label; the expectation asks for something else.
// The pattern is unanchored on purpose: were the runner to leave this comment
// in the file it fixes, the pattern would match itself and the test pass.
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
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'read' on 'fd' is handled for EAGAIN but not for EWOULDBLOCK
      return 0;
    default:
      return -1;
    }
  }
  return (int)n;
}
// CHECK-FIXES: #if EAGAIN != EWOULDBLOCK
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
