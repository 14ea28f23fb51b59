// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Reduced from xl2tpd 1.3.18 (xl2tpd.c, xl2tpd-control.c): a control FIFO is
// opened with O_NONBLOCK so that open() does not wait for a writer, then
// `fcntl(fd, F_SETFL, O_RDONLY)` sets the file status flags outright. That
// clears O_NONBLOCK: the reads after it block, and closing on a failed read
// is right. An F_SETFL that keeps O_NONBLOCK must still be reported.

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int read_control(const char *path, char *buf, unsigned len) {
  int fd = open(path, O_RDONLY | O_NONBLOCK, 0600);
  if (fd < 0)
    return -1;
  if (fcntl(fd, F_SETFL, O_RDONLY) == -1)
    return -1;
  ssize_t n = read(fd, buf, len);
  if (n < 0) {
    close(fd);
    return -1;
  }
  return (int)n;
}

int write_control(const char *path, const char *msg, unsigned len) {
  int wfd = open(path, O_WRONLY | O_NONBLOCK, 0600);
  if (wfd < 0)
    return -1;
  fcntl(wfd, F_SETFL, 0);
  if (write(wfd, msg, len) < 0) {
    close(wfd);
    return -1;
  }
  return 0;
}

// The twin: the flags set outright keep O_NONBLOCK.
int read_control_nb(const char *path, char *buf, unsigned len) {
  int cfd = open(path, O_RDONLY, 0600);
  if (cfd < 0)
    return -1;
  if (fcntl(cfd, F_SETFL, O_RDONLY | O_NONBLOCK) == -1)
    return -1;
  ssize_t n = read(cfd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    close(cfd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'cfd' was made non-blocking here
    return -1;
  }
  return (int)n;
}
