// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A failure branch that logs errno only at some verbosity
// (`if (verbose > 1) log_msg("...", strerror(errno))`, a logging macro's
// usual body) goes on the same way whether the message is written or not:
// the message reads the failure and changes nothing. The close after it
// ends the connection on EAGAIN. Not so for an arm that writes errno or the
// result: where the condition cannot be known, the path is not followed
// through it (today's output, quiet).

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

extern int verbose;
void log_msg(const char *fmt, ...);

#define log_noise(...)                                                         \
  do {                                                                         \
    if (verbose > 1)                                                           \
      log_msg(__VA_ARGS__);                                                    \
  } while (0)

int relay(int fd, char *buf, unsigned len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    log_noise("read(%d) = %s", fd, strerror(errno));
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    return -1;
  }
  return (int)n;
}

// Look-alike: the same message, then a test of EAGAIN before the close.
int relay_checked(int fd, char *buf, unsigned len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  if (n < 0) {
    log_noise("read(%d) = %s", fd, strerror(errno));
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      return 0;
    close(fd);
    return -1;
  }
  return (int)n;
}

// An arm that rewrites errno under a run-time flag: the close may or may
// not follow an EAGAIN, and the path is not followed through it.
// FIXME: the flag is known only at run time; quiet today, as before.
int relay_rewritten(int fd, char *buf, unsigned len, int sync) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  if (n < 0) {
    if (sync)
      errno = EINTR;
    if (errno == EINTR)
      return 0;
    close(fd);
    return -1;
  }
  return (int)n;
}
