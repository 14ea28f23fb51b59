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
// than a token on the same kind of pipe, a pointer handed to a worker (8
// bytes: losing it loses the job), a one-byte wake-up written to a socket,
// to an array that a socketpair() fills on another path, and to an element
// given a socket after pipe() filled it.

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

// Twin: a job pointer handed to a worker thread.
struct job;
static int jobs[2] = {-1, -1};

int setup_jobs(void) {
  if (pipe(jobs) < 0)
    return -1;
  return fcntl(jobs[1], F_SETFL, fcntl(jobs[1], F_GETFL) | O_NONBLOCK);
}

void hand_off(struct job *j) {
  write(jobs[1], &j, sizeof(j));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'jobs[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// Twin: the same array holds a socketpair on another path.
static int mixed[2] = {-1, -1};

int setup_mixed(int use_pipe) {
  int r = use_pipe ? pipe(mixed)
                   : socketpair(AF_UNIX, SOCK_STREAM, 0, mixed);
  if (r < 0)
    return -1;
  return fcntl(mixed[1], F_SETFL, fcntl(mixed[1], F_GETFL) | O_NONBLOCK);
}

void wake_mixed(void) {
  char c = 'W';
  write(mixed[1], &c, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'mixed[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// Twin: the element is given a socket after pipe() filled it.
static int reseat[2] = {-1, -1};

int setup_reseat(void) {
  if (pipe(reseat) < 0)
    return -1;
  close(reseat[1]);
  reseat[1] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return reseat[1];
}

void wake_reseat(void) {
  char c = 'W';
  write(reseat[1], &c, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'reseat[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}
