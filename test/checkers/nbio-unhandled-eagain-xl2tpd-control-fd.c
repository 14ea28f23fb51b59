// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Reduced from xl2tpd 1.3.18 (xl2tpd.c, open_controlfd and do_control): the
// control FIFO is a global descriptor opened with O_NONBLOCK, so that open()
// does not wait for a writer, and made blocking again at once by
// `fcntl(control_fd, F_SETFL, O_RDONLY)` in the same function. Its reads in
// another function block; giving up on a failed read is right. Where the
// descriptor is made blocking only on one branch, it may still be
// non-blocking, and the same read is reported.

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static int control_fd = -1;

void open_control(const char *path) {
  control_fd = open(path, O_RDONLY | O_NONBLOCK, 0600);
  if (control_fd < 0)
    exit(1);
  if (fcntl(control_fd, F_SETFL, O_RDONLY) == -1)
    exit(1);
}

int do_control(char *buf, unsigned len) {
  ssize_t n = read(control_fd, buf, len);
  if (n < 0) {
    close(control_fd);
    return -1;
  }
  return (int)n;
}

// The twin: blocking again only when asked for.
static int event_fd = -1;
extern int want_blocking;

void open_events(const char *path) {
  event_fd = open(path, O_RDONLY | O_NONBLOCK, 0600);
  if (want_blocking)
    fcntl(event_fd, F_SETFL, O_RDONLY);
}

int read_events(char *buf, unsigned len) {
  ssize_t n = read(event_fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'event_fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    close(event_fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :43:14: note: 'open' creates a non-blocking descriptor here
    return -1;
  }
  return (int)n;
}
