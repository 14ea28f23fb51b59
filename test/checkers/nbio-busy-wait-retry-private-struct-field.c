// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: rm -rf %t.inc && mkdir -p %t.inc && cp %S/Inputs/route-ctx.h %t.inc/
// RUN: %check_nbio %s nbio-busy-wait-retry -- -I %t.inc
// RUN: rm -rf %t.inc && mkdir -p %t.inc && cp %S/Inputs/route-ctx.h %t.inc/
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17 -I %t.inc

// A field of a struct defined in this file (its header names the struct
// only, so no other file can reach the field) that this file fills with a
// blocking socket and hands only to calls that leave the mode alone holds
// a blocking descriptor: an EAGAIN retry on it is dead code, not a spin
// (sstp-client's route monitor reads its netlink socket this way). Still
// reported: the same loop on a field of a struct a header defines (other
// files may store anything there), on a private field that one function
// fills with a SOCK_NONBLOCK socket, on one whose address goes to a
// function not in view, and on one that this file never fills (zeroed
// memory, or a copy made elsewhere).

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "route-ctx.h"
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct route_monitor {
  int sock;
  char buf[512];
};

struct route_monitor *monitor_open(void) {
  struct route_monitor *m =
      (struct route_monitor *)calloc(1, sizeof(struct route_monitor));
  if (!m)
    return 0;
  m->sock = socket(AF_NETLINK, SOCK_DGRAM, 0);
  if (m->sock < 0) {
    free(m);
    return 0;
  }
  return m;
}

void monitor_close(struct route_monitor *m) {
  if (m->sock > 0) {
    close(m->sock);
    m->sock = 0;
  }
  free(m);
}

// Quiet: m->sock holds only the blocking netlink socket above.
int monitor_read(struct route_monitor *m) {
  ssize_t n;
  do {
    n = recv(m->sock, m->buf, sizeof(m->buf), 0);
  } while (n < 0 && (errno == EAGAIN || errno == EINTR));
  return (int)n;
}

// Reported: a header defines the struct; another file may store a
// non-blocking socket in its 'sock'.
int shared_read(struct shared_route *r, char *buf, unsigned len) {
  ssize_t n;
  do {
    n = recv(r->sock, buf, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'r->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && (errno == EAGAIN || errno == EINTR));
  return (int)n;
}

struct fast_monitor {
  int sock;
  char buf[512];
};

void fast_open(struct fast_monitor *m, int nonblocking) {
  if (nonblocking)
    m->sock = socket(AF_NETLINK, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  else
    m->sock = socket(AF_NETLINK, SOCK_DGRAM, 0);
}

// Reported: one store gives the field a SOCK_NONBLOCK socket.
int fast_read(struct fast_monitor *m) {
  ssize_t n;
  do {
    n = recv(m->sock, m->buf, sizeof(m->buf), 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'm->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && (errno == EAGAIN || errno == EINTR));
  return (int)n;
}

struct lent_monitor {
  int sock;
  char buf[512];
};

// Not in view: it may store any descriptor through the pointer.
void fill_socket(int *out);

void lent_open(struct lent_monitor *m) {
  m->sock = socket(AF_NETLINK, SOCK_DGRAM, 0);
  fill_socket(&m->sock);
}

// Reported: the field's address went to fill_socket().
int lent_read(struct lent_monitor *m) {
  ssize_t n;
  do {
    n = recv(m->sock, m->buf, sizeof(m->buf), 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'm->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && (errno == EAGAIN || errno == EINTR));
  return (int)n;
}

struct unfilled_monitor {
  int sock;
  char buf[512];
};

// Reported: nothing in this file stores a descriptor in the field; what
// it holds comes from somewhere the file does not show.
int unfilled_read(struct unfilled_monitor *m) {
  ssize_t n;
  do {
    n = recv(m->sock, m->buf, sizeof(m->buf), 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'm->sock' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && (errno == EAGAIN || errno == EINTR));
  return (int)n;
}
