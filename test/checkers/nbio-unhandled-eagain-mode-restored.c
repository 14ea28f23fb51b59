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
