// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --prefix=TIMEOUT %s nbio-eagain-ewouldblock -- -DWITH_TIMEOUT

// A socket the code shows to be blocking (socket() without SOCK_NONBLOCK,
// never made non-blocking) fails with neither EAGAIN nor EWOULDBLOCK, so a
// test of one of them is dead code and is not reported. With a receive
// timeout (prefix TIMEOUT: SO_RCVTIMEO, set by another function of the
// file) a receive that runs out of time fails with EAGAIN or EWOULDBLOCK,
// as POSIX allows either: the test is live and reported. Twins: the send
// on the same socket stays quiet, since no send timeout is set; and so
// does an EWOULDBLOCK-only test on a plain pipe, which has no timeout.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

#ifdef WITH_TIMEOUT
void limit_receives(int fd) {
  struct timeval tv = {5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}
#endif

int query(const struct sockaddr *to, socklen_t tolen, char *buf, size_t len) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (connect(s, to, tolen) < 0) {
    close(s);
    return -1;
  }
  if (send(s, "status\n", 7, 0) < 0 && errno == EAGAIN) {
    close(s);
    return -2;
  }
  ssize_t n = recv(s, buf, len, 0);
  if (n < 0 && errno == EAGAIN) {
    // TIMEOUT-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // TIMEOUT-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // TIMEOUT-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))) {{{$}}
    close(s);
    return -2;
  }
  close(s);
  return (int)n;
}

int drain(char *buf, size_t len) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  ssize_t n = read(p[0], buf, len);
  if (n < 0 && errno == EWOULDBLOCK)
    n = 0;
  close(p[0]);
  close(p[1]);
  return (int)n;
}
