// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// A helper that makes the socket non-blocking only to bound its connect,
// and puts back the flags it read before it returns, leaves the caller's
// descriptor as it was: the blocking socket stays blocking, and a send on
// it does not fail with EAGAIN. A path on which the fcntl() that set
// O_NONBLOCK failed changed nothing. Twin: a helper that returns on a
// failed connect before putting the flags back leaves the socket
// non-blocking, and a send that drops the connection on any failure is
// reported.

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int connect_timed(int fd, const struct sockaddr *sa, socklen_t len) {
  int flags = fcntl(fd, F_GETFL, 0);
  int rc;
  if (flags < 0)
    return -1;
  if (fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
    return -1;
  rc = connect(fd, sa, len);
  if (rc < 0 && errno == EINPROGRESS) {
    struct pollfd p = {fd, POLLOUT, 0};
    int err = 0;
    socklen_t n = sizeof err;
    rc = poll(&p, 1, 5000) == 1 &&
                 getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &n) == 0 &&
                 err == 0
             ? 0
             : -1;
  }
  fcntl(fd, F_SETFL, flags);
  return rc;
}

int send_line(const struct sockaddr *sa, socklen_t len, const char *line) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  if (connect_timed(fd, sa, len) < 0) {
    close(fd);
    return -1;
  }
  if (send(fd, line, strlen(line), 0) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Twin.
static int connect_timed_leaky(int fd, const struct sockaddr *sa,
                               socklen_t len) {
  int flags = fcntl(fd, F_GETFL, 0);
  int rc;
  if (flags < 0)
    return -1;
  if (fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
    return -1;
  rc = connect(fd, sa, len);
  if (rc < 0 && errno != EINPROGRESS)
    return -1; // still non-blocking
  fcntl(fd, F_SETFL, flags);
  return rc;
}

int send_line_leaky(const struct sockaddr *sa, socklen_t len,
                    const char *line) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  if (connect_timed_leaky(fd, sa, len) < 0) {
    close(fd);
    return -1;
  }
  if (send(fd, line, strlen(line), 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    return -1;
  }
  return fd;
}

// A helper that sets the flags outright from a `const` local (no
// O_NONBLOCK) makes the socket blocking: that is no restore of saved flags.
static void make_blocking(int fd) {
  const int fl = O_RDWR;
  fcntl(fd, F_SETFL, fl);
}

int send_line_cleared(const char *line) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  make_blocking(fd);
  if (send(fd, line, strlen(line), 0) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// A `switch` on the ioctl's result is no failure test: the case that
// returns 0 is the one that left the socket non-blocking.
static int try_nonblocking(int fd) {
  int on = 1;
  switch (ioctl(fd, FIONBIO, &on)) {
  case 0:
    return 0;
  default:
    fcntl(fd, F_SETFL, O_RDWR);
    return -1;
  }
}

int send_line_switch(const char *line) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  try_nonblocking(fd);
  if (send(fd, line, strlen(line), 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    return -1;
  }
  return fd;
}
