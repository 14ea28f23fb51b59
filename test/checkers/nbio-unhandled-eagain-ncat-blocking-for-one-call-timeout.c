// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// Twin of nbio-unhandled-eagain-ncat-blocking-for-one-call.c: a function
// that makes the socket blocking for one send is not a thin wrapper of it,
// unless the file gives the socket a send timeout (SO_SNDTIMEO). Then the
// blocking send too fails with EAGAIN when the timeout expires, and the
// caller that drops the peer on any failure is reported.

#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

struct fdinfo {
  int fd;
};

static void to_blocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

static void to_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

void limit_sends(int fd) {
  struct timeval tv = {5, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

static int send_blocking(struct fdinfo *fdn, const char *buf, size_t size) {
  int ret;
  to_blocking(fdn->fd);
  ret = (int)send(fdn->fd, buf, size, 0);
  to_nonblocking(fdn->fd);
  return ret;
}

int reply(struct fdinfo *fdn, const char *msg) {
  to_nonblocking(fdn->fd);
  if (send_blocking(fdn, msg, strlen(msg)) <= 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send_blocking' on non-blocking fd 'fdn->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fdn->fd);
    return -1;
  }
  return 0;
}
