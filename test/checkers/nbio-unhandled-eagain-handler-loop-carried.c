// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A file-local handler gets its descriptor from its only caller. What the
// caller passed is asked where the call is on the caller's CFG: a loop that
// hands the descriptor over and makes it non-blocking afterwards passes a
// non-blocking descriptor from its second round on, although the fcntl is
// written below the call. Twin: the same calls without the loop.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

static int serve_once(int cfd) {
  char buf[512];
  // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'read' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  ssize_t n = read(cfd, buf, sizeof buf);
  if (n <= 0) {
    close(cfd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :37:5: note: 'cfd' was made non-blocking here
    return -1;
  }
  return 0;
}

void serve(int lfd) {
  int cfd = accept(lfd, 0, 0);
  if (cfd < 0)
    return;
  for (int round = 0; round < 2; round++) {
    if (serve_once(cfd) < 0)
      return;
    // From the second round on, the handler reads without waiting.
    fcntl(cfd, F_SETFL, fcntl(cfd, F_GETFL) | O_NONBLOCK);
  }
}

// The twin: the descriptor is made non-blocking only after the last call.
static int serve_last(int cfd) {
  char buf[512];
  ssize_t n = read(cfd, buf, sizeof buf);
  if (n <= 0) {
    close(cfd);
    return -1;
  }
  return 0;
}

int serve_then_park(int lfd) {
  int cfd = accept(lfd, 0, 0);
  if (cfd < 0 || serve_last(cfd) < 0)
    return -1;
  fcntl(cfd, F_SETFL, fcntl(cfd, F_GETFL) | O_NONBLOCK);
  return cfd;
}
