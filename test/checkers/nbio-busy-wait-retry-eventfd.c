// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// Writing to an eventfd fails with EAGAIN only when its 64-bit counter
// would overflow (libevent's notify function retries that way): not a
// spin in practice, not reported, whether the function's name or the
// descriptor's creation says it is an eventfd. Reading it until a value
// arrives is, and so is the same write loop on a non-blocking pipe.

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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

void signal_created_here(void) {
  int efd = eventfd(0, EFD_NONBLOCK);
  uint64_t one = 1;
  ssize_t r;
  do {
    r = write(efd, &one, sizeof one);
  } while (r < 0 && errno == EAGAIN);
  close(efd);
}

void signal_pipe(void) {
  int p[2];
  if (pipe2(p, O_NONBLOCK) < 0)
    return;
  uint64_t one = 1;
  ssize_t r;
  do {
    r = write(p[1], &one, sizeof one);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'p[1]' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  close(p[0]);
  close(p[1]);
}
// CHECK-FIXES: if (r < 0 && errno == EAGAIN) {
// CHECK-FIXES-NEXT: struct pollfd wait_pfd = {p[1], POLLOUT, 0};

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
