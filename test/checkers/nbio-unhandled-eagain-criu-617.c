// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// Shaped after checkpoint-restore/criu PR 617: a test accepted on a
// non-blocking listening socket before any client was queued and failed;
// the fix polls for POLLIN first. Our own code.

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static int make_listener(void) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (s < 0)
    exit(1);
  return s;
}

int test_buggy(void) {
  int l = make_listener();
  int c = accept(l, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'accept' on non-blocking fd 'l' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (c < 0) {
    perror("accept");
    exit(1);
  }
  return c;
}

int test_fixed(void) {
  int l = make_listener();
  struct pollfd p = {l, POLLIN, 0};
  if (poll(&p, 1, 5000) != 1)
    exit(1);
  int c = accept(l, NULL, NULL);
  if (c < 0) {
    perror("accept");
    exit(1);
  }
  return c;
}
