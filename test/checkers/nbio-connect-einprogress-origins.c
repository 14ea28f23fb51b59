// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// The ways a socket becomes non-blocking before connect(), and the note
// that says where it happened.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

struct upstream {
  int fd;
  struct sockaddr_in addr;
  int connected;
};

// A project's own helper, with an on/off switch.
static int sock_set_nonblock(int fd, int on) {
  int fl = fcntl(fd, F_GETFL, 0);
  if (fl < 0)
    return -1;
  if (on)
    fl |= O_NONBLOCK;
  else
    fl &= ~O_NONBLOCK;
  return fcntl(fd, F_SETFL, fl);
}

// A factory that hands out non-blocking sockets.
static int tcp_socket_nb(void) {
  return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
}

// The upstream's descriptor is made non-blocking here, and connected in
// another function.
static void upstream_prepare(struct upstream *u) {
  u->fd = socket(AF_INET, SOCK_STREAM, 0);
  int on = 1;
  ioctl(u->fd, FIONBIO, &on);
}

// --- Positive cases --------------------------------------------------------

static int connect_ioctl(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int on = 1;
  ioctl(fd, FIONBIO, &on);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'fd' was made non-blocking here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {

static int connect_wrapper(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0 || sock_set_nonblock(fd, 1) < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-6]]:17: note: 'fd' was made non-blocking here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {

static int connect_factory(const struct sockaddr_in *sa) {
  int fd = tcp_socket_nb();
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-52]]:10: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {

static int upstream_connect(struct upstream *u) {
  if (connect(u->fd, (const struct sockaddr *)&u->addr, sizeof u->addr) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'u->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(u->fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-56]]:3: note: 'u->fd' was made non-blocking here
    u->fd = -1;
    return -1;
  }
  u->connected = 1;
  return 0;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(u->fd, (const struct sockaddr *)&u->addr, sizeof u->addr), u->fd, 5000) < 0) {

// A static helper whose every caller passes a non-blocking socket.
static int connect_given(int fd, const struct sockaddr_in *sa) {
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE+8]]:11: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {

static int connect_via_helper(const struct sockaddr_in *sa) {
  int a = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int b = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return connect_given(a, sa) + connect_given(b, sa);
}

// --- Negative cases --------------------------------------------------------

static int connect_wrapper_off(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0 || sock_set_nonblock(fd, 0) < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

static int connect_ioctl_off(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int off = 0;
  ioctl(fd, FIONBIO, &off);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Only ever called with a blocking socket.
static int connect_given_blocking(int fd, const struct sockaddr_in *sa) {
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

static int connect_via_helper_blocking(const struct sockaddr_in *sa) {
  return connect_given_blocking(socket(AF_INET, SOCK_STREAM, 0), sa);
}

int origins_demo(struct upstream *u);
int origins_demo(struct upstream *u) {
  const struct sockaddr_in *sa = &u->addr;
  upstream_prepare(u);
  int r = connect_ioctl(sa) + connect_wrapper(sa) + connect_factory(sa);
  r += upstream_connect(u) + connect_via_helper(sa);
  r += connect_wrapper_off(sa) + connect_ioctl_off(sa);
  return r + connect_via_helper_blocking(sa);
}
