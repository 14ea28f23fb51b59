// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// POSIX gives read() and write() on a non-blocking pipe EAGAIN alone;
// "EAGAIN or EWOULDBLOCK" is a socket's. A test of EAGAIN on an end of a
// pipe() is right on every system (the shape of dnsmasq's helper_write,
// which drops the script helper's buffer on any error but EAGAIN and
// EINTR). Twins: the same test on a socket, and a test of EWOULDBLOCK
// alone on the pipe, are reported.

#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

static int helper_pipe[2];
static int helper_sock = -1;

int helper_start(void) {
  if (pipe2(helper_pipe, O_NONBLOCK) != 0)
    return -1;
  helper_sock = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return 0;
}

int helper_write(const char *buf, size_t n) {
  if (write(helper_pipe[1], buf, n) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      return 0;
    return -1;
  }
  return 1;
}

// Twin: a socket.
int helper_send(const char *buf, size_t n) {
  if (write(helper_sock, buf, n) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'write' on 'helper_sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if ((errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)) || errno == EINTR){{$}}
      return 0;
    return -1;
  }
  return 1;
}

// Twin: EWOULDBLOCK alone on the pipe misses the one error POSIX gives.
int helper_write_ewouldblock(const char *buf, size_t n) {
  if (write(helper_pipe[1], buf, n) == -1) {
    if (errno == EWOULDBLOCK || errno == EINTR)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'write' on 'helper_pipe[1]' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if ((errno == EWOULDBLOCK || (EAGAIN != EWOULDBLOCK && errno == EAGAIN)) || errno == EINTR){{$}}
      return 0;
    return -1;
  }
  return 1;
}

// The pipe's ends kept in fields and copied to a local (unbound's tube:
// `tube->sw = sv[1]`, then `int fd = tube->sw;`): still a pipe.
struct tube {
  int sr, sw;
};

int tube_create(struct tube *t) {
  int sv[2];
  if (pipe(sv) == -1)
    return -1;
  t->sr = sv[0];
  t->sw = sv[1];
  return 0;
}

int tube_write(struct tube *t, const char *buf, size_t n) {
  int fd = t->sw;
  if (write(fd, buf, n) == -1) {
    if (errno == EINTR || errno == EAGAIN)
      return -1;
    return -2;
  }
  return 0;
}
