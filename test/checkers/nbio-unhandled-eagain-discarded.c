// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A result thrown away: a failure with EAGAIN goes unnoticed. An explicit
// cast to void says it is meant (the self-pipe wake-up write).

#define _GNU_SOURCE 1
#include <fcntl.h>
#include <unistd.h>

struct loop {
  int wake[2];
  int tx;
};

void loop_init(struct loop *l) {
  if (pipe2(l->wake, O_NONBLOCK | O_CLOEXEC) != 0)
    l->wake[0] = l->wake[1] = -1;
  l->tx = -1;
}

void loop_set_tx(struct loop *l, int fd) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  l->tx = fd;
}

void loop_send_byte(struct loop *l, const char *b) {
  write(l->tx, b, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'l->tx' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: cast the result to 'void' if ignoring the failure is intended
}

void loop_wake_on_purpose(struct loop *l) {
  // A full pipe means a wake-up is already pending: ignoring it is right.
  (void)write(l->wake[1], "x", 1);
}

void loop_blocking_fd(int fd) {
  write(fd, "x", 1); // not known to be non-blocking
}

// The call itself asks not to wait and its result is dropped: losing the
// message when the buffer is full is what the author chose (a log line
// written from a signal handler, which must not block).
#include <sys/socket.h>
static int diag_sock = -1;
void diag_from_handler(const char *msg, size_t len) {
  send(diag_sock, msg, len, MSG_DONTWAIT | MSG_NOSIGNAL);
}
