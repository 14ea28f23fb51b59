// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// Which call's errno a comparison reads: the errno-setting call that ran
// last on the path to it (in the function's CFG), not the last one written
// above it. Here the failure path jumps over a send on another descriptor
// to the test: the errno is read()'s, on 'fd'.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

int relay_chunk(int fd, int logfd, char *buf, size_t len) {
  ssize_t n = read(fd, buf, len);
  if (n < 0)
    goto fail;
  if (send(logfd, buf, (size_t)n, 0) < 0)
    return -1;
  return 0;
fail:
  if (errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)){{$}}
    return 0;
  return -1;
}

// FIXME: calls on two descriptors reach the test, one on each branch: the
// check names one call and one descriptor per finding and does not choose,
// so this test of EAGAIN alone is not reported. (It used to be reported as
// write()'s, the last call written above it.)
int pump_either(int rfd, int wfd, int dir, char *buf, size_t len) {
  ssize_t n;
  if (dir)
    n = read(rfd, buf, len);
  else
    n = write(wfd, buf, len);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return (int)n;
}

// Calls on the same descriptor on the two branches: the first stands for
// both.
int push_either(int fd, int addressed, const struct sockaddr *to,
                socklen_t tolen, const char *buf, size_t len) {
  ssize_t n;
  if (addressed)
    n = sendto(fd, buf, len, 0, to, tolen);
  else
    n = send(fd, buf, len, 0);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'sendto' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)n;
}

// A test under a condition on the result of the project's own call (every
// value of 'w' comes from forward()) is about that call's failure, not the
// read's before it. forward() is a thin wrapper of write(), so the errno is
// write()'s on 'out', named after the wrapper.
static ssize_t forward(int out, const char *buf, size_t n) {
  return write(out, buf, n);
}

int pump_forward(int in, int out, char *buf, size_t len) {
  ssize_t n = read(in, buf, len);
  if (n <= 0)
    return (int)n;
  ssize_t w = forward(out, buf, (size_t)n);
  if (w < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'forward' on 'out' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (w < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    w = 0;
  return (int)w;
}

// Twin: a project function whose body is in another file (and no facts
// name it a wrapper) says nothing of whose errno it is: left alone.
ssize_t forward_logged(int out, const char *buf, size_t n);

int pump_logged(int in, int out, char *buf, size_t len) {
  ssize_t n = read(in, buf, len);
  if (n <= 0)
    return (int)n;
  ssize_t w = forward_logged(out, buf, (size_t)n);
  if (w < 0 && errno == EAGAIN)
    w = 0;
  return (int)w;
}

// Twin: the test is under the read's own result; a project call between
// them whose result is dropped (a note in a log) does not change whose
// errno it is.
static void note_failure(int fd) { (void)fd; }

int pump_noted(int in, char *buf, size_t len) {
  ssize_t n = read(in, buf, len);
  if (n < 0)
    note_failure(in);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'in' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)n;
}

// Twin: the descriptor comes from the project's own call, and the write on
// it is in the condition itself. The variable passed to the write is what
// the write works on, not a result the test is about: the errno is the
// write's, and its test is reported. (It was taken for a test of
// open_relay()'s failure and left alone.)
int open_relay(const char *name);

int relay_line(const char *name, const char *line, size_t len) {
  int s = open_relay(name);
  if (write(s, line, len) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: errno from 'write' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(s, line, len) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return 1;
}
