// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A file-scope descriptor opened with O_NONBLOCK (so that open() does not
// wait for a FIFO's writer) and made blocking again by the same function is
// blocking for the other functions only if every path that returns passes
// the fcntl. A path on which the open failed holds no descriptor, and one
// that ends the process leaves nothing behind; an early return after a
// successful open leaves it non-blocking.

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int cmd_fd = -1;

void open_commands(const char *path) {
  cmd_fd = open(path, O_RDONLY | O_NONBLOCK);
  if (cmd_fd < 0) {
    perror(path);
    return;
  }
  if (fcntl(cmd_fd, F_SETFL, O_RDONLY) == -1)
    exit(1);
}

int read_command(char *buf, unsigned len) {
  ssize_t n = read(cmd_fd, buf, len);
  if (n < 0) {
    close(cmd_fd);
    return -1;
  }
  return (int)n;
}

// The twin: a configuration can leave before the fcntl, with the FIFO
// open and non-blocking.
static int log_fd = -1;
extern int keep_nonblocking;

void open_log_fifo(const char *path) {
  log_fd = open(path, O_RDONLY | O_NONBLOCK);
  if (log_fd == -1)
    return;
  if (keep_nonblocking)
    return;
  fcntl(log_fd, F_SETFL, O_RDONLY);
}

int read_log(char *buf, unsigned len) {
  // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'read' on non-blocking fd 'log_fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  ssize_t n = read(log_fd, buf, len);
  if (n < 0) {
    close(log_fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :45:12: note: 'open' creates a non-blocking descriptor here
    return -1;
  }
  return (int)n;
}
