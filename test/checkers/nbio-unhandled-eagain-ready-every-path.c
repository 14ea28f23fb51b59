// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// A wait for readiness counts only when it runs on every path to the read
// (it dominates the call in the function's CFG), not when it is merely
// written above it: a poll on a branch the read can be reached without,
// or an FD_ISSET test that a short-circuit can skip, leaves a path where
// the read finds nothing and the EAGAIN closes the channel.

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>
#include <unistd.h>

struct chan {
  int readfd;
  char buf[256];
};

void chan_open(struct chan *ch, int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ch->readfd = fd;
}

static void chan_close_read(struct chan *ch) {
  close(ch->readfd);
  ch->readfd = -1;
}

// Quiet: the poll runs on every path to the read.
void chan_pump_after_poll(struct chan *ch) {
  struct pollfd p = {ch->readfd, POLLIN, 0};
  if (poll(&p, 1, 1000) <= 0)
    return;
  ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
  if (n < 0 && errno != EINTR)
    chan_close_read(ch);
}

// Reported: the poll runs only when the caller asks for it.
void chan_pump_maybe_wait(struct chan *ch, int wait) {
  if (wait) {
    struct pollfd p = {ch->readfd, POLLIN, 0};
    poll(&p, 1, 1000);
  }
  ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'ch->readfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: when it fails with EAGAIN, 'chan_close_read' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :23:3: note: 'fd' was made non-blocking here
  if (n < 0 && errno != EINTR)
    chan_close_read(ch);
}

// Reported: the poll of this round comes after the read; the first read
// runs without one.
void chan_pump_loop(struct chan *ch) {
  for (;;) {
    ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on non-blocking fd 'ch->readfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    // CHECK-MESSAGES: :[[@LINE+3]]:7: note: when it fails with EAGAIN, 'chan_close_read' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :23:3: note: 'fd' was made non-blocking here
    if (n < 0 && errno != EINTR) {
      chan_close_read(ch);
      return;
    }
    struct pollfd p = {ch->readfd, POLLIN, 0};
    poll(&p, 1, 1000);
  }
}

// Quiet: the only caller tests the ready set on every path to the call.
static void chan_pump_ready(struct chan *ch) {
  ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
  if (n < 0 && errno != EINTR)
    chan_close_read(ch);
}

void chan_dispatch(struct chan *ch, const fd_set *readable) {
  if (FD_ISSET(ch->readfd, readable))
    chan_pump_ready(ch);
}

// Reported: `force ||` skips the FD_ISSET test on the way to the call.
static void chan_pump_forced(struct chan *ch) {
  ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'ch->readfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: when it fails with EAGAIN, 'chan_close_read' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :23:3: note: 'fd' was made non-blocking here
  if (n < 0 && errno != EINTR)
    chan_close_read(ch);
}

void chan_dispatch_forced(struct chan *ch, const fd_set *readable, int force) {
  if (force || FD_ISSET(ch->readfd, readable))
    chan_pump_forced(ch);
}
