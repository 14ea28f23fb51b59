// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A loop that retries every failure, without naming EAGAIN, spins only if
// the descriptor is non-blocking: on a blocking one the call itself waits.
// So such loops are reported only when the file shows the descriptor
// non-blocking (fcntl O_NONBLOCK, SOCK_NONBLOCK, accept4 flags, pipe2,
// MSG_DONTWAIT), and a note points at where. An explicit EAGAIN retry is
// reported either way (see the other files).

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <fcntl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

int make_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// Made non-blocking through a helper of the file.
ssize_t notify_read(int fd, char *buf, size_t cap) {
  make_nonblocking(fd);
  ssize_t n;
  while ((n = read(fd, buf, cap)) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:40: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'fd' was made non-blocking here
  }
  return n;
}
// CHECK-FIXES: {{^}}  while ((n = read(fd, buf, cap)) < 0) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}

// Created non-blocking.
int wake_pipe[2];

void wake_init(void) {
  if (pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
    wake_pipe[0] = wake_pipe[1] = -1;
}

void wake_signal(void) {
  ssize_t n;
  do {
    n = write(wake_pipe[1], "x", 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'wake_pipe[1]' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n != 1);
}
// CHECK-FIXES: {{^}}    if (n != 1) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {wake_pipe[1], POLLOUT, 0};{{$}}

int accept_client(int listener) {
  int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
  char hello[16];
  if (fd < 0)
    return -1;
  while (recv(fd, hello, sizeof hello, 0) <= 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  }
  return fd;
}
// CHECK-FIXES: {{^}}    struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}

// --- nothing shows the descriptor non-blocking ------------------------------

// A blocking read that retries every error (a poor loop, but not a spin).
ssize_t config_read(int fd, char *buf, size_t cap) {
  ssize_t n;
  while ((n = read(fd, buf, cap)) < 0) {
  }
  return n;
}

ssize_t stdin_read(char *buf, size_t cap) {
  ssize_t n;
  do {
    n = read(STDIN_FILENO, buf, cap);
  } while (n < 0);
  return n;
}

// Made blocking again before the loop.
ssize_t handoff_read(int fd, char *buf, size_t cap) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  ssize_t n;
  do {
    n = read(fd, buf, cap);
  } while (n < 0);
  return n;
}
