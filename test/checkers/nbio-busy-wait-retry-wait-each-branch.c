// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A loop's retry waits when every path from the loop's head to the call
// passes a wait, whichever wait it is: reduced from libmicrohttpd's
// suspended-connection loop (daemon.c), which waits for its inter-thread
// eventfd with select() or poll() on two branches of an `if` and then
// drains it. No one wait runs on every path, but every path runs one.
// Twin: a branch that skips both waits spins.

#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <unistd.h>

extern int use_poll;

static void wait_resume(int itc) {
  for (;;) {
    if (!use_poll) {
      fd_set rs;
      FD_ZERO(&rs);
      FD_SET(itc, &rs);
      if (select(itc + 1, &rs, 0, 0, 0) < 0)
        break;
    } else {
      struct pollfd p = {itc, POLLIN, 0};
      if (poll(&p, 1, -1) < 0)
        break;
    }
    uint64_t b;
    (void)read(itc, &b, sizeof b);
  }
}

static void wait_resume_sometimes(int itc, int quick) {
  for (;;) {
    if (quick) {
      /* look again at once */
    } else if (!use_poll) {
      fd_set rs;
      FD_ZERO(&rs);
      FD_SET(itc, &rs);
      if (select(itc + 1, &rs, 0, 0, 0) < 0)
        break;
    } else {
      struct pollfd p = {itc, POLLIN, 0};
      if (poll(&p, 1, -1) < 0)
        break;
    }
    uint64_t b;
    (void)read(itc, &b, sizeof b);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'read' on fd 'itc' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :40:12: note: the call is retried from here
    // CHECK-MESSAGES: :63:13: note: 'eventfd' creates a non-blocking descriptor here
  }
}

void start(void) {
  int itc = eventfd(0, EFD_NONBLOCK);
  wait_resume(itc);
  wait_resume_sometimes(itc, 1);
}
