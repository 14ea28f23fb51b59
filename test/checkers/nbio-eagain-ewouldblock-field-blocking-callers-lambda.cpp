// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A field every caller made blocking (nbio-eagain-ewouldblock-field-
// blocking-callers.c), in C++: the reader is quiet. Twin, reported: the
// reader also called from a generic lambda, whose call depends on its
// argument and is not among the calls the file is seen to make, so the
// reader's callers are not all known.

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>

struct conn {
  int fd;
};
struct session {
  conn *c;
};

static void make_blocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl != -1)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

struct request {
  int fd;
};

static int read_request(request *r, char *buf, size_t max) {
  ssize_t n = recv(r->fd, buf, max, 0);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return (int)n;
}

static void handle(session *s, request *r) {
  char buf[64];
  make_blocking(s->c->fd);
  read_request(r, buf, sizeof buf);
}

void on_request(conn *c, session *s) {
  request r;
  r.fd = c->fd;
  handle(s, &r);
}

// Twin: a generic lambda calls the reader too, where nothing made the
// socket blocking.
struct tail {
  int fd;
};

static void drain_tail(tail *t) {
  char b[16];
  ssize_t n = recv(t->fd, b, sizeof b, 0);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 't->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return;
}

static void tail_blocking(session *s, tail *t) {
  make_blocking(s->c->fd);
  drain_tail(t);
}

void on_tail(conn *c, session *s) {
  tail t;
  t.fd = c->fd;
  tail_blocking(s, &t);
}

void on_later(conn *c) {
  tail t;
  t.fd = c->fd;
  auto later = [](auto *x) { drain_tail(x); };
  later(&t);
}
