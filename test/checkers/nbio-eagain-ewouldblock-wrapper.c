// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// errno after a call of the project's thin I/O wrapper is the wrapped
// call's (reduced from dante's request child: acceptn(), a loop around
// accept() in another file, then `switch (errno)` with a case for
// EWOULDBLOCK and none for EAGAIN). Quiet twins: both names tested; the
// wrapper on an end of a pipe, where EAGAIN alone is right; a function
// that does more than forward the call, whose errno says nothing of it.

#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

static int accept_again(int s) {
  int rc;
  do
    rc = accept(s, NULL, NULL);
  while (rc == -1 && errno == EINTR);
  return rc;
}

static ssize_t read_some(int fd, void *b, size_t n) { return read(fd, b, n); }

int log_line(const char *msg);

static int grab(int s) {
  log_line("accepting");
  return accept(s, NULL, NULL) >= 0 ? 0 : log_line("accept failed");
}

int bind_reply(int listener) {
  int s = accept_again(listener);
  if (s == -1) {
    switch (errno) {
    case EWOULDBLOCK:
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'accept_again' on 'listener' is handled for EWOULDBLOCK but not for EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES:      {{^}}#if EWOULDBLOCK != EAGAIN{{$}}
      // CHECK-FIXES-NEXT: {{^}}    case EAGAIN:{{$}}
      // CHECK-FIXES-NEXT: {{^}}#endif{{$}}
      // CHECK-FIXES-NEXT: {{^}}    case EWOULDBLOCK:{{$}}
    case ECONNABORTED:
      return 0;
    default:
      return -1;
    }
  }
  return s;
}

int bind_reply_both(int listener) {
  int s = accept_again(listener);
  if (s == -1) {
    switch (errno) {
    case EWOULDBLOCK:
#if EAGAIN != EWOULDBLOCK
    case EAGAIN:
#endif
    case ECONNABORTED:
      return 0;
    default:
      return -1;
    }
  }
  return s;
}

int pipe_drain(char *b, size_t n) {
  int p[2];
  if (pipe2(p, O_NONBLOCK) != 0)
    return -1;
  ssize_t got = read_some(p[0], b, n);
  if (got < 0 && errno == EAGAIN)
    return 0;
  return (int)got;
}

int grab_once(int listener) {
  if (grab(listener) != 0 && errno == EAGAIN)
    return 0;
  return -1;
}
