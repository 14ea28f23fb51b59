// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// POSIX gives a pipe's non-blocking write EAGAIN alone (EWOULDBLOCK is for
// sockets), so testing EAGAIN alone is right for a pipe's end, also when a
// helper of the file made the pipe (`make_pipe(int fds[2])`, which only
// hands its parameter to pipe2()). Twins still reported: a helper that
// makes a socket pair, and a helper that also puts another descriptor in
// the array.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* pipe2 */
#endif
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

static int make_pipe(int *fds) {
  if (pipe2(fds, O_CLOEXEC) != 0)
    return -1;
  return 0;
}

static int make_pair(int *fds) {
  return socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
}

int dup_peer(void);

static int make_pipe_or_peer(int *fds, int peer) {
  if (pipe(fds) != 0)
    return -1;
  if (peer) {
    close(fds[1]);
    fds[1] = dup_peer();
  }
  return 0;
}

static void nonblocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

int wake_worker(void) {
  int fds[2];
  if (make_pipe(fds) != 0)
    return -1;
  nonblocking(fds[1]);
  if (write(fds[1], "w", 1) < 0 && errno != EAGAIN)
    return -1;
  return fds[0];
}

int wake_peer(void) {
  int fds[2];
  if (make_pair(fds) != 0)
    return -1;
  nonblocking(fds[1]);
  if (write(fds[1], "w", 1) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: errno from 'write' on 'fds[1]' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fds[1], "w", 1) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                    (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return fds[0];
}

int wake_either(int peer) {
  int fds[2];
  if (make_pipe_or_peer(fds, peer) != 0)
    return -1;
  nonblocking(fds[1]);
  if (write(fds[1], "w", 1) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: errno from 'write' on 'fds[1]' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fds[1], "w", 1) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                    (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return fds[0];
}

// A `switch (errno)` whose `case EAGAIN:` stands alone: right on the pipe
// the helper made (lighttpd's request body to a CGI), reported on the
// socket pair's end.
static int feed(int fd) {
  if (write(fd, "body", 4) < 0) {
    switch (errno) {
    case EAGAIN:
    case EINTR:
      return 0;
    default:
      return -1;
    }
  }
  return 4;
}

int feed_worker(void) {
  int fds[2];
  if (make_pipe(fds) != 0)
    return -1;
  nonblocking(fds[1]);
  return feed(fds[1]);
}

static int feed_pair_end(int fd) {
  if (write(fd, "body", 4) < 0) {
    switch (errno) {
    case EAGAIN:
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'write' on 'fd' is handled for EAGAIN but not for EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    case EINTR:
      return 0;
    default:
      return -1;
    }
  }
  return 4;
}

int feed_peer(void) {
  int fds[2];
  if (make_pair(fds) != 0)
    return -1;
  nonblocking(fds[1]);
  return feed_pair_end(fds[1]);
}
