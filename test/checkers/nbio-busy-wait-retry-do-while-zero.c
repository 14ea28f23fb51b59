// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// `do { ... } while (0)`, the macro idiom, runs its body once: the read in
// it is not retried (reduced from libmicrohttpd's MHD_itc_clear_, which
// drains an eventfd this way after poll() said it was readable; the old
// walk took the constant for a condition that might hold). Twin: the same
// macro in a loop that comes back to it without waiting is reported.

#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

#define ITC_CLEAR(fd)                                                          \
  do {                                                                         \
    uint64_t b_;                                                               \
    int r_;                                                                    \
    r_ = (int)read((fd), &b_, sizeof(b_));                                     \
    (void)r_;                                                                  \
  } while (0)

struct daemon {
  int itc;
};

void daemon_init(struct daemon *d) {
  d->itc = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

void daemon_woken(struct daemon *d) { ITC_CLEAR(d->itc); }

// Twin: nothing waits before the loop comes round.
void daemon_spin(struct daemon *d) {
  for (;;) {
    ITC_CLEAR(d->itc);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'read' on fd 'd->itc' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :28:12: note: 'eventfd' creates a non-blocking descriptor here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: no fix-it: the call is inside a macro expansion
  }
}
