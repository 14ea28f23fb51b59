// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A lambda reads a descriptor its enclosing function holds. The lambda may
// run any time after it is made, so what counts is what reaches its
// creation and what runs after it: for a copy, the changes of the open
// file's mode (not a new descriptor stored in the variable); for a
// reference, everything. The last line of the function does not decide.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

void later(void (*)(void));
template <class F> void run(F f) { f(); }

// Non-blocking when the lambda runs, blocking again at the end.
void drain_then_block() {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  auto drain = [fd]() {
    char b[64];
    // CHECK-MESSAGES: :[[@LINE+1]]:9: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    if (read(fd, b, sizeof b) < 0)
      close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :20:12: note: 'socket' creates a non-blocking descriptor here
  };
  run(drain);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
}

// A copy of a blocking descriptor; the variable then gets a new one, which
// the copy never sees: quiet.
void copy_then_replace() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  auto drain = [fd]() {
    char b[64];
    if (read(fd, b, sizeof b) < 0)
      close(fd);
  };
  fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  run(drain);
}

// The same through a reference: the lambda reads the new one.
void ref_then_replace() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  auto drain = [&fd]() {
    char b[64];
    // CHECK-MESSAGES: :[[@LINE+1]]:9: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    if (read(fd, b, sizeof b) < 0)
      close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :57:8: note: 'socket' creates a non-blocking descriptor here
  };
  fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  run(drain);
}

// A copy whose open file is made non-blocking after the lambda is made:
// the same file, so the read does not wait.
void copy_then_nonblock() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  auto drain = [fd]() {
    char b[64];
    // CHECK-MESSAGES: :[[@LINE+1]]:9: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    if (read(fd, b, sizeof b) < 0)
      close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :73:3: note: 'fd' was made non-blocking here
  };
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  run(drain);
}
