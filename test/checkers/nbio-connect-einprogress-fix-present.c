// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// A file fixed before, where a new connect was written since: the call is
// wrapped, the helper the file already has is not added again, and the
// call an earlier run wrapped is not reported.

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

/* Added by nbio-connect-einprogress: a non-blocking connect() that
   answered EINPROGRESS is waited for; 0 once connected, else -1 with
   errno set to the real error. */
static int nbio_connect_wait(int rc, int fd, int timeout_ms);
#ifndef NBIO_CONNECT_WAIT_DEFINED
#define NBIO_CONNECT_WAIT_DEFINED
static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
  struct pollfd pfd;
  int ready;
  int err = 0;
  socklen_t len = sizeof err;
  if (rc == 0 || errno != EINPROGRESS)
    return rc;
  pfd.fd = fd;
  pfd.events = POLLOUT;
  pfd.revents = 0;
  do
    ready = poll(&pfd, 1, timeout_ms);
  while (ready < 0 && errno == EINTR);
  if (ready == 0)
    errno = ETIMEDOUT;
  if (ready <= 0)
    return -1;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
    return -1;
  if (err != 0) {
    errno = err;
    return -1;
  }
  return 0;
}
#endif

// CHECK-FIXES: {{^}}#define NBIO_CONNECT_WAIT_DEFINED{{$}}
// CHECK-FIXES-NOT: NBIO_CONNECT_WAIT_DEFINED

int dial_fixed(const struct sockaddr_in *sa);
int dial_fixed(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int dial_new(const struct sockaddr_in *sa);
int dial_new(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: {{^}}  if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {{[{]}}{{$}}
