// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// The self-pipe trick: a wake-up token (a byte, a signal number) written
// to a non-blocking pipe, its result dropped. Reduced from avahi's
// avahi_simple_poll_wakeup() (avahi-common/simple-watch.c) and the signal
// handler of avahi-utils/sigint.c. So small a write to a pipe is atomic and
// fails with EAGAIN only when the pipe is full, when the reader has bytes
// waiting and a wake-up is pending already: dropping it loses nothing.
// Twins, still reported: a message of run-time length, a record longer
// than a token on the same kind of pipe, and a one-byte wake-up written to
// a socket.

#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

static int wake[2] = {-1, -1};
static int chan[2] = {-1, -1};
static int sp[2] = {-1, -1};

struct record {
  int kind;
  int len;
  long when;
};

int setup(void) {
  if (pipe(wake) < 0 || pipe(chan) < 0)
    return -1;
  fcntl(wake[1], F_SETFL, fcntl(wake[1], F_GETFL) | O_NONBLOCK);
  fcntl(chan[1], F_SETFL, fcntl(chan[1], F_GETFL) | O_NONBLOCK);
  return socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sp);
}

void wakeup(void) {
  char c = 'W';
  write(wake[1], &c, sizeof(c));
}

void on_signal(int s) { write(wake[1], &s, sizeof(s)); }

// Twin: a message whose length is known only at run time.
void post(const char *msg, size_t n) {
  write(chan[1], msg, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'chan[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// Twin: a record longer than a token.
void post_record(const struct record *r) {
  write(chan[1], r, sizeof(*r));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'chan[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// Twin: a wake-up byte written to a socket.
void wake_peer(void) {
  char c = 'W';
  write(sp[1], &c, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'sp[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}
