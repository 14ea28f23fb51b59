// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio %s nbio-unhandled-eagain --config='{CheckOptions: {nbio-unhandled-eagain.StrictPropagation: true}}' --prefix=STRICT

// Handing the failure to the caller is not a mistake at this call by
// default; StrictPropagation reports it when no EAGAIN test comes first.

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int fill(int fd, char *buf, size_t len) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  // STRICT-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' returns a failure to the caller without testing for EAGAIN [nbio-unhandled-eagain]
  if (n < 0)
    return -1;
  // STRICT-MESSAGES: :[[@LINE-1]]:5: note: the failure is returned here
  return (int)n;
}

int fill_tested(int fd, char *buf, size_t len) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  if (n < 0)
    return errno == EAGAIN ? 0 : -1;
  return (int)n;
}
