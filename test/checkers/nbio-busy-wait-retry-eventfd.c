// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// Writing to an eventfd fails with EAGAIN only when its 64-bit counter
// would overflow (libevent's notify function retries that way): not a
// spin in practice, not reported. Reading it until a value arrives is.

#include <errno.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

int notify_eventfd(int efd) {
  uint64_t one = 1;
  ssize_t r;
  do {
    r = write(efd, &one, sizeof one);
  } while (r < 0 && errno == EAGAIN);
  return r < 0 ? -1 : 0;
}

uint64_t wait_value(void) {
  int efd = eventfd(0, EFD_NONBLOCK);
  uint64_t v = 0;
  ssize_t r;
  do {
    r = read(efd, &v, sizeof v);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'read' on fd 'efd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return v;
}
// CHECK-FIXES: if (r < 0 && errno == EAGAIN) {
// CHECK-FIXES-NEXT: struct pollfd wait_pfd = {efd, POLLIN, 0};
