// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A helper that stores a new descriptor in its parameter works on that new
// one afterwards, not on its caller's. Which of its events reach the
// caller's descriptor is a question of paths, not of lines: here the store
// is written first, on one branch, and the other branch makes the caller's
// descriptor non-blocking. Twin: a helper that stores first on every path.

#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

void keep(int fd);

// A fresh socket when asked for one; otherwise the caller's, non-blocking.
void prepare(int fd) {
  if (getenv("FRESH")) {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    keep(fd);
  } else {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
}

int pull(int fd, char *buf, unsigned len) {
  prepare(fd);
  // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  ssize_t n = read(fd, buf, len);
  if (n < 0) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :30:3: note: 'fd' was made non-blocking here
    return -1;
  }
  return (int)n;
}

// The twin: the store comes first on every path, so only the new socket
// is made non-blocking.
void replace(int fd) {
  fd = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  keep(fd);
}

int pull_replaced(int fd, char *buf, unsigned len) {
  replace(fd);
  ssize_t n = read(fd, buf, len);
  if (n < 0) {
    close(fd);
    return -1;
  }
  return (int)n;
}
