// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: custom, nbio-busy-wait-retry.WaitTemplate: "ev_wait_fd({fd}, {events}, {timeout})", nbio-busy-wait-retry.WaitHeader: "\"busy-ev.h\""}}' -- -std=c11 -I%S/Inputs

// WaitHeader given in quotes, as the documentation allows ("ev.h" or
// <ev.h>), is included as written: `#include "busy-ev.h"` (it was once
// wrapped in a second pair of quotes). The angled form is in
// nbio-busy-wait-retry-wait-form.c.

#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include "busy-ev.h"{{$}}

ssize_t journal_append(int fd, const char *rec, size_t len) {
  ssize_t n;
  while ((n = write(fd, rec, len)) < 0 && errno == EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  }
  return n;
}
// CHECK-FIXES: {{^}}    ev_wait_fd(fd, POLLOUT, -1);{{$}}
