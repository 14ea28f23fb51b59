// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// Within one function: a socket made non-blocking for one step, whose
// saved flags are put back after it, is blocking again for the calls that
// follow, which may treat any failure as fatal. A call between the two is
// on a non-blocking socket. Twins, each reported: a path that skips
// putting the flags back; saved flags changed through a pointer before
// they go back; flags read again after an earlier put-back made the
// socket non-blocking; a failed read of an old descriptor's flags tested
// after a new socket was stored in the variable.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

int greet(const struct sockaddr *sa, socklen_t len, char *buf, size_t n) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int saved;
  if (fd < 0)
    return -1;
  if ((saved = fcntl(fd, F_GETFL, 0)) < 0) {
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, saved | O_NONBLOCK);
  if (connect(fd, sa, len) < 0 && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  if (recv(fd, buf, n, 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, saved);
  if (recv(fd, buf, n, 0) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Twin.
int greet_skipping(const struct sockaddr *sa, socklen_t len, char *buf,
                   size_t n, int quick) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int saved;
  if (fd < 0)
    return -1;
  saved = fcntl(fd, F_GETFL, 0);
  if (saved == -1) {
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, saved | O_NONBLOCK);
  if (connect(fd, sa, len) < 0 && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  if (!quick)
    fcntl(fd, F_SETFL, saved);
  if (recv(fd, buf, n, 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    return -1;
  }
  return fd;
}

// Twin: the saved flags are changed through a pointer before they are put
// back, so what goes back is no longer what F_GETFL read.
int greet_flags_changed(char *buf, size_t n) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int saved = fcntl(fd, F_GETFL, 0);
  int *flags = &saved;
  fcntl(fd, F_SETFL, saved | O_NONBLOCK);
  *flags |= O_NONBLOCK;
  fcntl(fd, F_SETFL, saved);
  if (recv(fd, buf, n, 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    return -1;
  }
  return fd;
}

// Twin: the second read of the flags comes after the first ones were put
// back, and those made the socket non-blocking again: putting the second
// back keeps it so.
int greet_two_rounds(char *buf, size_t n) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int first = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, first & ~O_NONBLOCK);
  if (write(fd, buf, n) < 0 && errno != EINTR) {
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, first);
  int second = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, second | O_NONBLOCK);
  fcntl(fd, F_SETFL, second);
  if (recv(fd, buf, n, 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    return -1;
  }
  return fd;
}

// Twin: a failed read of the old descriptor's flags says nothing of the
// new socket stored in the same variable since.
int greet_replaced(int old, char *buf, size_t n) {
  int fd = old;
  int saved = fcntl(fd, F_GETFL, 0);
  fd = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (saved < 0) {
    if (recv(fd, buf, n, 0) < 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      close(fd);
      return -1;
    }
    return fd;
  }
  fcntl(fd, F_SETFL, saved);
  return fd;
}
