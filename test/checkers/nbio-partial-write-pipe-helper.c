// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A write of at most PIPE_BUF bytes to a pipe is atomic, also when a helper
// of the file made the pipe (`make_pipe(int fds[2])` hands its parameter
// to pipe2() and does nothing else with it). Twin still reported: the same
// 100-byte record to a socket pair's end, which a helper made too.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* pipe2 */
#endif
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

static int make_pipe(int *fds) {
  return pipe2(fds, O_CLOEXEC);
}

static int make_pair(int *fds) {
  return socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
}

static void nonblocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static const char record[100] = "record";

int send_to_worker(void) {
  int fds[2];
  if (make_pipe(fds) != 0)
    return -1;
  nonblocking(fds[1]);
  if (write(fds[1], record, sizeof record) != sizeof record)
    return -1;
  return fds[0];
}

int send_to_peer(void) {
  int fds[2];
  if (make_pair(fds) != 0)
    return -1;
  nonblocking(fds[1]);
  if (write(fds[1], record, sizeof record) != sizeof record)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'fds[1]' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'fds[1]' was made non-blocking here
  return fds[0];
}
