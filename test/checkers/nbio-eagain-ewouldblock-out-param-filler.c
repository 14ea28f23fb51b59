// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A helper that hands back a pipe's end or an eventfd through a pointer
// parameter (`make_pipe(int *rfd, int *wfd)`, `*w = *r = eventfd(...)`)
// gives the caller's variable a descriptor that is never a socket: POSIX
// gives it EAGAIN alone, so testing EAGAIN alone is right. Twins still
// reported: a helper that stores a socket on some path, one that hands
// the pointer on, one out of view, a call that gives the same variable's
// address twice to a helper that stores a socket through the other
// parameter, and an element given at an index that is not a constant.
// (C++ reference parameters: nbio-eagain-ewouldblock-out-param-reference.cpp.)

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

static void nonblocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static int make_pipe(int *rfd, int *wfd) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  *rfd = p[0];
  *wfd = p[1];
  return 0;
}

static int make_event(int *r, int *w) {
  int fd = eventfd(0, 0);
  if (fd == -1) {
    *w = *r = -1;
    return -1;
  }
  *w = *r = fd;
  return 0;
}

static int make_link(int *r, int local) {
  if (local) {
    int p[2];
    if (pipe(p) < 0)
      return -1;
    *r = p[0];
    return 0;
  }
  *r = socket(AF_INET, SOCK_STREAM, 0);
  return *r < 0 ? -1 : 0;
}

int fill_elsewhere(int *fd);

static int make_via(int *r) { return fill_elsewhere(r); }

static void make_both(int *ev, int *sock) {
  *ev = eventfd(0, 0);
  *sock = socket(AF_INET, SOCK_STREAM, 0);
}

int drain_pipe(void) {
  int r, w;
  char b[8];
  if (make_pipe(&r, &w) != 0)
    return -1;
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    return -1;
  return w;
}

int drain_event(void) {
  int r, w;
  unsigned long long n;
  if (make_event(&r, &w) != 0)
    return -1;
  nonblocking(r);
  if (read(r, &n, sizeof n) < 0 && errno != EAGAIN)
    return -1;
  return w;
}

int drain_link(int local) {
  int r;
  char b[8];
  if (make_link(&r, local) != 0)
    return -1;
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return r;
}

int drain_via(void) {
  int r;
  char b[8];
  if (make_via(&r) != 0)
    return -1;
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return r;
}

int drain_elsewhere(void) {
  int r;
  char b[8];
  if (fill_elsewhere(&r) != 0)
    return -1;
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return r;
}

int drain_both(void) {
  int ev, sock;
  char b[8];
  make_both(&ev, &sock);
  nonblocking(ev);
  nonblocking(sock);
  if (read(ev, b, sizeof b) < 0 && errno != EAGAIN)
    return -1;
  if (read(sock, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: errno from 'read' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(sock, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                      (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return ev;
}

int drain_same(void) {
  int fd;
  char b[8];
  make_both(&fd, &fd);
  nonblocking(fd);
  if (read(fd, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                    (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return fd;
}

int drain_element(int i) {
  int p[2];
  char b[8];
  if (pipe(p) < 0)
    return -1;
  fill_elsewhere(&p[i]);
  nonblocking(p[0]);
  if (read(p[0], b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: errno from 'read' on 'p[0]' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(p[0], b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                      (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return p[1];
}

int drain_known_element(void) {
  int p[2];
  char b[8];
  if (pipe(p) < 0)
    return -1;
  fill_elsewhere(&p[1]);
  nonblocking(p[0]);
  if (read(p[0], b, sizeof b) < 0 && errno != EAGAIN)
    return -1;
  return p[1];
}
