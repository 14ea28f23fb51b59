// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %clang_tidy --load=%plugin -checks='-*,debug-nbio-analysis' %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'

// The analyses on their own, through the debug check: whether the fd is
// non-blocking at the call (a may-analysis on the CFG), and where the
// failure path ends (terminal, returns, retries, waits...), tested for the
// hypothesis or not, branched on the failure or not.

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

int branches(int fd, int async, char *b) {
  if (async)
    fcntl(fd, F_SETFL, O_NONBLOCK);
  else
    fcntl(fd, F_SETFL, 0);
  ssize_t n = read(fd, b, 1);
  // CHECK: mode-and-path.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: terminal at [[@LINE+3]]:5, tested no, branched yes [debug-nbio-analysis]
  // CHECK: mode-and-path.c:[[@LINE-5]]:5: note: 'fd' was made non-blocking here
  if (n < 0)
    close(fd);
  return (int)n;
}

int blocking_on_every_path(int fd, int async, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (async)
    fcntl(fd, F_SETFL, 0);
  else
    fcntl(fd, F_SETFL, O_RDWR);
  ssize_t n = read(fd, b, 1);
  // CHECK: mode-and-path.c:[[@LINE-1]]:15: warning: 'read' on 'fd': not known non-blocking; failure path: returns at [[@LINE+2]]:5, tested yes, branched yes
  if (n < 0 && errno == EAGAIN)
    return 0;
  return (int)n;
}

int waits(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  for (;;) {
    ssize_t n = read(fd, b, 1);
    // CHECK: mode-and-path.c:[[@LINE-1]]:17: warning: 'read' on 'fd': non-blocking; failure path: waits at [[@LINE+4]]:7, tested yes, branched yes
    // CHECK: mode-and-path.c:[[@LINE-4]]:3: note: 'fd' was made non-blocking here
    if (n < 0 && errno == EAGAIN) {
      struct pollfd p = {fd, POLLIN, 0};
      poll(&p, 1, -1);
      continue;
    }
    return (int)n;
  }
}

int retries(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n;
  do {
    n = read(fd, b, 1);
    // CHECK: mode-and-path.c:[[@LINE-1]]:9: warning: 'read' on 'fd': non-blocking; failure path: retries at [[@LINE+2]]:12, tested yes, branched yes
    // CHECK: mode-and-path.c:[[@LINE-5]]:3: note: 'fd' was made non-blocking here
  } while (n < 0 && errno == EAGAIN);
  return (int)n;
}
