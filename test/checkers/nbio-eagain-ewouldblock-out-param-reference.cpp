// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A helper given a descriptor variable through a reference parameter
// (`void refill(int &fd)`) stores in it what its body assigns: a pipe's
// end is never a socket, so testing EAGAIN alone is right for it (and
// through a pointer, drain_pipe_ptr). Twins still reported: a pipe's end
// that the helper replaces with a socket, and the shapes listed below.

#include <errno.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

static void nonblocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static void refill_pipe(int &fd) {
  int p[2];
  if (pipe(p) < 0) {
    fd = -1;
    return;
  }
  fd = p[0];
}

static void refill_socket(int &fd) { fd = socket(AF_INET, SOCK_STREAM, 0); }

int drain_ref_pipe(void) {
  int r;
  char b[8];
  refill_pipe(r);
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    return -1;
  return r;
}

int drain_ref_socket(void) {
  int p[2];
  char b[8];
  if (pipe(p) < 0)
    return -1;
  int r = p[0];
  refill_socket(r);
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return r;
}

// Twins the fill rule does not follow, all reported: a call operator (its
// call numbers the object as an argument), a virtual method (an override
// may store a socket), a fill inside a lambda, and a variable whose
// address is also kept elsewhere (a store through that pointer is out of
// sight).
struct maker {
  void operator()(int *ev, int *sock) {
    *ev = eventfd(0, 0);
    *sock = socket(AF_INET, SOCK_STREAM, 0);
  }
};

struct base_filler {
  virtual void fill(int &fd) {
    int p[2];
    if (pipe(p) < 0) {
      fd = -1;
      return;
    }
    fd = p[0];
  }
  virtual ~base_filler() = default;
};

static void fill_pipe_ptr(int *fd) {
  int p[2];
  if (pipe(p) < 0) {
    *fd = -1;
    return;
  }
  *fd = p[0];
}

static void fill_socket_ptr(int *fd) { *fd = socket(AF_INET, SOCK_STREAM, 0); }

int drain_operator(void) {
  int sock, ev;
  char b[8];
  maker m;
  m(&ev, &sock);
  nonblocking(sock);
  if (read(sock, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: errno from 'read' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(sock, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                      (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return ev;
}

int drain_virtual(base_filler &f) {
  int r;
  char b[8];
  f.fill(r);
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return r;
}

int drain_lambda(bool again) {
  int r;
  char b[8];
  auto refill = [&] { fill_socket_ptr(&r); };
  fill_pipe_ptr(&r);
  if (again)
    refill();
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return r;
}

int drain_kept(bool again) {
  int r;
  char b[8];
  int *alias = &r;
  fill_pipe_ptr(&r);
  if (again)
    fill_socket_ptr(alias);
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return r;
}

int drain_pipe_ptr(void) {
  int r;
  char b[8];
  fill_pipe_ptr(&r);
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    return -1;
  return r;
}
