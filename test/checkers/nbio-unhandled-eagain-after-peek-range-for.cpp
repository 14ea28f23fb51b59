// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A receive of bytes that a MSG_PEEK showed queued is not reported; the
// test run again by a range-for loop, on the same count, is (the first
// round takes the bytes, the next finds none). The peek inside the loop
// covers each round.

#include <fcntl.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

static void make_nonblocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

int read_each(int fd, const std::vector<int> &rounds) {
  make_nonblocking(fd);
  uint32_t ack;
  for (int r : rounds) {
    (void)r;
    ssize_t n = recv(fd, &ack, 4, MSG_PEEK);
    if (n == 4)
      recv(fd, &ack, 4, 0);
  }
  return 0;
}

int read_each_once_peeked(int fd, const std::vector<int> &rounds) {
  make_nonblocking(fd);
  uint32_t ack;
  ssize_t n = recv(fd, &ack, 4, MSG_PEEK);
  for (int r : rounds) {
    (void)r;
    if (n == 4)
      recv(fd, &ack, 4, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'fd' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  }
  return 0;
}
