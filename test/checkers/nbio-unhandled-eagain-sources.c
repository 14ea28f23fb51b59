// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Every way a descriptor becomes non-blocking, each followed by a read
// whose failure branch aborts; and the ways it becomes blocking again.

#define _GNU_SOURCE 1
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

void fcntl_direct(int fd, char *b) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  if (read(fd, b, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}
// CHECK-MESSAGES: :22:3: note: 'fd' was made non-blocking here

void fcntl_flags_variable(int fd, char *b) {
  int flags = fcntl(fd, F_GETFL, 0);
  flags |= O_NONBLOCK;
  fcntl(fd, F_SETFL, flags);
  if (read(fd, b, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

void fcntl_without_getfl(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (read(fd, b, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

void ioctl_fionbio(int fd, char *b) {
  int on = 1;
  ioctl(fd, FIONBIO, &on);
  if (read(fd, b, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

void socket_flag(char *b) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (recv(s, b, 1, 0) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 's' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}
// CHECK-MESSAGES: :54:11: note: 'socket' creates a non-blocking descriptor here

void accept4_flag(int listener, char *b) {
  int c = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
  if (recv(c, b, 1, 0) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'c' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

void socketpair_both_ends(char *b) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv);
  if (read(sv[0], b, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'sv[0]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
  if (write(sv[1], b, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'sv[1]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

void pipe2_both_ends(char *b) {
  int p[2];
  if (pipe2(p, O_NONBLOCK | O_CLOEXEC) != 0)
    return;
  if (write(p[1], b, 1) != 1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'p[1]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
  if (read(p[0], b, 1) != 1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'p[0]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

void open_flag(char *b) {
  int fd = open("/dev/ttyS0", O_RDWR | O_NONBLOCK);
  if (read(fd, b, 1) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

void linux_descriptors(void) {
  unsigned long long v;
  int e = eventfd(0, EFD_NONBLOCK);
  if (read(e, &v, sizeof v) != sizeof v)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'e' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  if (read(t, &v, sizeof v) != sizeof v)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 't' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
  sigset_t mask;
  sigemptyset(&mask);
  int s = signalfd(-1, &mask, SFD_NONBLOCK);
  struct signalfd_siginfo si;
  if (read(s, &si, sizeof si) != sizeof si)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 's' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
  int in = inotify_init1(IN_NONBLOCK);
  char ev[256];
  if (read(in, ev, sizeof ev) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'in' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

void one_call_dontwait(int fd, char *b) {
  if (recv(fd, b, 1, MSG_DONTWAIT) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: 'MSG_DONTWAIT' makes this call non-blocking
  if (recv(fd, b, 1, 0) < 0) // the next call waits
    abort();
}

// ---- Blocking again, or never non-blocking: nothing to report. ----

void fcntl_cleared(int fd, char *b) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  if (read(fd, b, 1) < 0)
    abort();
}

void fcntl_cleared_variable(int fd, char *b) {
  int flags = fcntl(fd, F_GETFL, 0);
  flags &= ~O_NONBLOCK;
  fcntl(fd, F_SETFL, flags);
  if (read(fd, b, 1) < 0)
    abort();
}

void ioctl_off(int fd, char *b) {
  int off = 0;
  ioctl(fd, FIONBIO, &off);
  if (read(fd, b, 1) < 0)
    abort();
}

void socket_blocking(char *b) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (recv(s, b, 1, 0) < 0)
    abort();
}

void made_nonblocking_after_the_read(int fd, char *b) {
  if (read(fd, b, 1) < 0)
    abort();
  fcntl(fd, F_SETFL, O_NONBLOCK);
}

void pipe_blocking(char *b) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0)
    return;
  if (read(p[0], b, 1) != 1)
    abort();
}
