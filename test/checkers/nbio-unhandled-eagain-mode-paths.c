// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Whether a descriptor is non-blocking at a call is decided on the
// function's control flow, "on some path": a mode picked by a branch is
// non-blocking on that branch whichever way the branches are written, and
// a loop that makes the descriptor non-blocking at the end of its body
// reads non-blocking from the second iteration on. Where every path to the
// read makes the descriptor blocking, it is not reported.

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

enum { SYNC, ASYNC };

int read_mode_async_first(int fd, int mode, char *b) {
  int fl = fcntl(fd, F_GETFL);
  if (mode == ASYNC)
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  else
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0)
    close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :[[@LINE-8]]:5: note: 'fd' was made non-blocking here
  return (int)n;
}

int read_mode_sync_first(int fd, int mode, char *b) {
  int fl = fcntl(fd, F_GETFL);
  if (mode == SYNC)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  else
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0)
    close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'fd' was made non-blocking here
  return (int)n;
}

int read_loop_carried(int fd, char *b, int rounds) {
  for (int i = 0; i < rounds; i++) {
    ssize_t n = read(fd, b, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    if (n < 0) {
      close(fd);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
      // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'fd' was made non-blocking here
      return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  return 0;
}

// Look-alikes: blocking again on every path to the read.
int read_mode_both_blocking(int fd, int mode, char *b) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  if (mode == SYNC)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  else
    fcntl(fd, F_SETFL, O_RDWR);
  ssize_t n = read(fd, b, 1);
  if (n < 0)
    close(fd);
  return (int)n;
}

// Look-alike: restoring the flags saved by F_GETFL (`fcntl(fd, F_SETFL,
// fl)`) gives back the mode the descriptor had then, blocking here (the
// function's callers give it nothing else). The twins that stay
// non-blocking are in nbio-unhandled-eagain-flags-restored-in-function.c.
int read_after_restore(int fd, char *b) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  fcntl(fd, F_SETFL, fl);
  ssize_t n = read(fd, b, 1);
  if (n < 0)
    close(fd);
  return (int)n;
}

int read_loop_blocking_each_time(int fd, char *b, int rounds) {
  for (int i = 0; i < rounds; i++) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    ssize_t n = read(fd, b, 1);
    if (n < 0) {
      close(fd);
      return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  return 0;
}
