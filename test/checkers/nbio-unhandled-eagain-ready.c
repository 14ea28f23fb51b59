// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// A read made only once the descriptor was reported ready: every caller in
// the TU tests a select() ready set (FD_ISSET) or polls first, so EAGAIN is
// not the expected outcome there and treating it like end of file is a
// shortcut, not a bug. The same read reached from a caller that does not
// wait is reported. (Shape: an SSH server's channel loop, whose select() is
// in another file.)

#define _GNU_SOURCE 1
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

static void chan_pump(struct chan *ch) {
  ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
  if (n <= 0) {
    if (n == 0 || errno != EINTR)
      chan_close_read(ch); // EAGAIN counted as end of file on purpose
    return;
  }
}

void chan_dispatch(struct chan *ch, const fd_set *readable) {
  if (ch->readfd >= 0 && FD_ISSET(ch->readfd, readable))
    chan_pump(ch);
}

static void chan_pump_polled(struct chan *ch) {
  ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
  if (n < 0 && errno != EINTR)
    chan_close_read(ch);
}

void chan_wait_then_pump(struct chan *ch) {
  struct pollfd p = {ch->readfd, POLLIN, 0};
  if (poll(&p, 1, 1000) > 0)
    chan_pump_polled(ch);
}

// Two callers, one of which does not wait: reported.
static void chan_pump_mixed(struct chan *ch) {
  ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'ch->readfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: when it fails with EAGAIN, 'chan_close_read' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :[[@LINE-40]]:3: note: 'fd' was made non-blocking here
  if (n < 0 && errno != EINTR)
    chan_close_read(ch);
}

void chan_dispatch_mixed(struct chan *ch, const fd_set *readable) {
  if (FD_ISSET(ch->readfd, readable))
    chan_pump_mixed(ch);
}

void chan_flush(struct chan *ch) { chan_pump_mixed(ch); }

// A function other files can call: its callers here say nothing about
// theirs, so it is reported.
void chan_pump_public(struct chan *ch) {
  ssize_t n = read(ch->readfd, ch->buf, sizeof ch->buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'ch->readfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: when it fails with EAGAIN, 'chan_close_read' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :[[@LINE-58]]:3: note: 'fd' was made non-blocking here
  if (n < 0 && errno != EINTR)
    chan_close_read(ch);
}

void chan_dispatch_public(struct chan *ch, const fd_set *readable) {
  if (FD_ISSET(ch->readfd, readable))
    chan_pump_public(ch);
}
