// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// A descriptor that a helper of the file fills through its address with a
// pipe's end holds a pipe's end, where EAGAIN alone is the right test,
// unless its address is kept somewhere else in the file: a store through
// that pointer is out of the analysis's sight. In C the scan for kept
// addresses reads the code itself (the functions' bodies and the
// variables' initializers); these twins keep the address in each place it
// can be: a local's initializer, a captured statement, an assignment in
// another function, a file-scope pointer's initializer, and a function
// whose parameter has a variably modified type (where the scan falls back
// to clang's traversal). An `&` that never runs keeps nothing.
// (C++: nbio-eagain-ewouldblock-out-param-reference.cpp.)

#include <errno.h>
#include <fcntl.h>
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

// Quiet: the address is handed to the helper and nowhere else.
int drain_plain(void) {
  int r, w;
  char b[8];
  if (make_pipe(&r, &w) != 0)
    return -1;
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    return -1;
  return w;
}

// Reported: a local pointer keeps the address.
int drain_local_alias(void) {
  int r, w;
  int *alias = &r;
  char b[8];
  if (make_pipe(&r, &w) != 0)
    return -1;
  nonblocking(*alias);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return w;
}

// Reported: the pointer is made inside a captured statement (OpenMP's
// regions are made of them), whose body the scan reads too.
int drain_captured(void) {
  int r, w;
  int *alias = 0;
  char b[8];
#ifdef __clang__ // gcc, which compiles the fixed file too, knows no such pragma
#pragma clang __debug captured
#endif
  { alias = &r; }
  if (make_pipe(&r, &w) != 0)
    return -1;
  nonblocking(*alias);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'r' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(r, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return w;
}

// Quiet: an `&` that never runs keeps no address: one in a type or a
// constant size, and an initializer a later designator overrides.
int drain_unevaluated(void) {
  int r, w;
  __typeof__(&r) none = 0;
  char pad[sizeof(&r)];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
  struct {
    int *p;
  } h = {.p = &r, .p = 0};
#pragma GCC diagnostic pop
  char b[8];
  (void)none;
  (void)pad;
  (void)h;
  if (make_pipe(&r, &w) != 0)
    return -1;
  nonblocking(r);
  if (read(r, b, sizeof b) < 0 && errno != EAGAIN)
    return -1;
  return w;
}

static int g_plain, g_init, g_body, g_vla;
int *g_init_alias = &g_init;
static int *g_body_alias;
static int *g_vla_alias;

void keep_body(void) { g_body_alias = &g_body; }

void keep_vla(int n, int rows[n]) {
  g_vla_alias = &g_vla;
  (void)rows;
}

int drain_g_plain(void) {
  int w;
  char b[8];
  if (make_pipe(&g_plain, &w) != 0)
    return -1;
  nonblocking(g_plain);
  if (read(g_plain, b, sizeof b) < 0 && errno != EAGAIN)
    return -1;
  return w;
}

int drain_g_init(void) {
  int w;
  char b[8];
  if (make_pipe(&g_init, &w) != 0)
    return -1;
  nonblocking(g_init);
  if (read(g_init, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: errno from 'read' on 'g_init' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(g_init, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                        (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return w;
}

int drain_g_body(void) {
  int w;
  char b[8];
  if (make_pipe(&g_body, &w) != 0)
    return -1;
  nonblocking(g_body);
  if (read(g_body, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: errno from 'read' on 'g_body' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(g_body, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                        (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return w;
}

int drain_g_vla(void) {
  int w;
  char b[8];
  if (make_pipe(&g_vla, &w) != 0)
    return -1;
  nonblocking(g_vla);
  if (read(g_vla, b, sizeof b) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: errno from 'read' on 'g_vla' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(g_vla, b, sizeof b) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                       (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return w;
}
