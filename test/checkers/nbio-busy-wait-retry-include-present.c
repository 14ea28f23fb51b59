// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17
// RUN: %check_nbio --prefix=SELECT %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: select}}'

// The file already includes what the wait needs (<poll.h>, and
// <sys/select.h> for the select form, spelled with spaces after the '#'):
// the fix adds the wait and no second #include.

#include <errno.h>
#include <poll.h>
#include <stddef.h>
#  include <sys/select.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <stddef.h>{{$}}
// CHECK-FIXES-NOT: #include <poll.h>
// SELECT-FIXES: {{^}}#include <errno.h>{{$}}
// SELECT-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// SELECT-FIXES-NEXT: {{^}}#include <stddef.h>{{$}}
// SELECT-FIXES-NEXT: {{^}}#  include <sys/select.h>{{$}}
// SELECT-FIXES-NEXT: {{^}}#include <sys/types.h>{{$}}
// SELECT-FIXES-NOT: {{^}}#include <sys/select.h>

struct feed {
  int fd;
  char buf[128];
};

// This one already polls in the right place; the one below does not.
ssize_t feed_read_polled(struct feed *f) {
  for (;;) {
    ssize_t n = read(f->fd, f->buf, sizeof f->buf);
    if (n < 0 && errno == EAGAIN) {
      struct pollfd p = {f->fd, POLLIN, 0};
      (void)poll(&p, 1, 1000);
      continue;
    }
    return n;
  }
}

ssize_t feed_write(struct feed *f, const char *p, size_t len) {
  ssize_t n;
  do {
    n = write(f->fd, p, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'f->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // SELECT-MESSAGES: :[[@LINE-2]]:9: warning: 'write' on fd 'f->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {f->fd, POLLOUT, 0};{{$}}
// SELECT-FIXES: {{^}}      (void)select(f->fd + 1, 0, &wait_set, 0, 0);{{$}}
