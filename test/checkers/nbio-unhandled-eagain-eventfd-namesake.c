// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// A project's own eventfd() (a shim over a pipe where the system has
// none) makes a descriptor whose buffer fills: the wake-up of
// nbio-unhandled-eagain-nng-eventfd-wakeup.c is reported on it. Only the
// C library's eventfd(), declared in a system header, counts.

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static int shim_write_end;

static int eventfd(unsigned int initval, int flags) {
  int p[2];
  (void)initval;
  if (pipe2(p, flags) < 0)
    return -1;
  shim_write_end = p[1];
  return p[0];
}

void wake_shim(void) {
  int efd = eventfd(0, 0);
  fcntl(efd, F_SETFL, O_NONBLOCK);
  uint64_t one = 1;
  if (write(efd, &one, sizeof(one)) != sizeof(one))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'efd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}
