// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// XFAIL: *
// Known bug: an errno test done by a helper function of the file is seen
// only in a `while` condition that also makes the call. In an `if` before
// `continue`, the helper ends the walk as "handled"; in a do/while
// condition, the call to the helper counts as a side effect and the walk
// gives up. Both loops below spin on EAGAIN. Remove the XFAIL line once
// they are flagged.

#include <errno.h>
#include <stddef.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

int io_would_block(int e) { return e == EAGAIN || e == EWOULDBLOCK; }

ssize_t pipe_read_if_helper(int fd, char *buf, size_t cap) {
  for (;;) {
    ssize_t n = read(fd, buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && io_would_block(errno))
      continue;
    return n;
  }
}
// CHECK-FIXES: struct pollfd wait_pfd = {fd, POLLIN, 0};
// CHECK-FIXES-NEXT: (void)poll(&wait_pfd, 1, -1);
// CHECK-FIXES-NEXT: continue;

ssize_t pipe_write_do_helper(int fd, const char *buf, size_t len) {
  ssize_t n;
  do {
    n = write(fd, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && io_would_block(errno));
  return n;
}
// CHECK-FIXES: {{^}}    if (n < 0 && io_would_block(errno)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}
