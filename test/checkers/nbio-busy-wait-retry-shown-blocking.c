// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A retry on EAGAIN on a descriptor the code shows to be blocking is dead
// code, not a spin: a plain pipe() between two threads, a
// socket(AF_LOCAL, SOCK_STREAM, 0) that nothing makes non-blocking. Such a
// read or write waits in the kernel and never fails with EAGAIN. The same
// loops on a pipe2(O_NONBLOCK) or a SOCK_NONBLOCK socket spin, and so does
// one on a descriptor handed to a function whose body is not in view (it
// may make it non-blocking).

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

static int wake_pipe[2];

void wake_init(void) { (void)pipe(wake_pipe); }

void wake_wait(void) {
  char c;
  while (read(wake_pipe[0], &c, 1) < 0 && errno == EAGAIN)
    ;
}

int local_request(const char *msg, unsigned len) {
  int s = socket(AF_LOCAL, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  ssize_t n;
  do {
    n = send(s, msg, len, 0);
  } while (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
  close(s);
  return (int)n;
}

// A descriptor's number printed in a log line (past a variadic function's
// format) is not handed to code that might change its mode; the twin below
// hands it to tune_socket(), which might.
void log_line(const char *fmt, ...);
int logged_request(const char *msg, unsigned len) {
  int s = socket(AF_LOCAL, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  log_line("sending on fd %d", s);
  ssize_t n;
  do {
    n = send(s, msg, len, 0);
  } while (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
  close(s);
  return (int)n;
}

// The twins.
static int nb_pipe[2];

void nb_init(void) { (void)pipe2(nb_pipe, O_NONBLOCK); }

void nb_wait(void) {
  char c;
  while (read(nb_pipe[0], &c, 1) < 0 && errno == EAGAIN)
    ;
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'read' on fd 'nb_pipe[0]' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-8]]:28: note: 'nb_pipe' was made non-blocking here
  // CHECK-FIXES: {{^}}  while (read(nb_pipe[0], &c, 1) < 0 && errno == EAGAIN) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {nb_pipe[0], POLLIN, 0};{{$}}
}

int nb_request(const char *msg, unsigned len) {
  int s = socket(AF_LOCAL, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (s < 0)
    return -1;
  ssize_t n;
  do {
    n = send(s, msg, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on fd 's' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-9]]:11: note: 'socket' creates a non-blocking descriptor here
  // CHECK-FIXES: {{^}}    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {{{$}}
  close(s);
  return (int)n;
}

void tune_socket(int fd); // elsewhere: may well set O_NONBLOCK

int tuned_request(const char *msg, unsigned len) {
  int t = socket(AF_LOCAL, SOCK_STREAM, 0);
  if (t < 0)
    return -1;
  tune_socket(t);
  ssize_t n;
  do {
    n = send(t, msg, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on fd 't' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-FIXES: {{^}}    if (n < 0 && errno == EAGAIN) {{{$}}
  close(t);
  return (int)n;
}

// A helper of the file that hands socket()'s result back as it comes: the
// caller's descriptor is blocking all the same. Its twin hands back a
// SOCK_NONBLOCK one.
static int local_socket(void) { return socket(AF_LOCAL, SOCK_STREAM, 0); }
static int local_socket_nb(void) {
  return socket(AF_LOCAL, SOCK_STREAM | SOCK_NONBLOCK, 0);
}

int helper_request(const char *msg, unsigned len) {
  int h = local_socket();
  if (h < 0)
    return -1;
  ssize_t n;
  do {
    n = send(h, msg, len, 0);
  } while (n < 0 && errno == EAGAIN);
  close(h);
  return (int)n;
}

int helper_request_nb(const char *msg, unsigned len) {
  int g = local_socket_nb();
  if (g < 0)
    return -1;
  ssize_t n;
  do {
    n = send(g, msg, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on fd 'g' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-FIXES: {{^}}    if (n < 0 && errno == EAGAIN) {{{$}}
  close(g);
  return (int)n;
}

// Twin: a helper that hands back a socket it made, or else the standard
// output. A standard stream may be non-blocking (the program's caller set
// it so; a socket of inetd's), so the descriptor is not shown blocking.
static int local_socket_or_stdout(int use_socket) {
  if (use_socket)
    return socket(AF_LOCAL, SOCK_STREAM, 0);
  return STDOUT_FILENO;
}

int helper_request_or_stdout(const char *msg, unsigned len, int use_socket) {
  int o = local_socket_or_stdout(use_socket);
  if (o < 0)
    return -1;
  ssize_t n;
  do {
    n = write(o, msg, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'o' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: the call is retried from here
  // CHECK-FIXES: {{^}}    if (n < 0 && errno == EAGAIN) {{{$}}
  return (int)n;
}
