// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A struct field that every caller made blocking before the call fails
// with neither EAGAIN nor EWOULDBLOCK: testing EAGAIN alone there is dead
// code, not a portability slip. Reduced from unbound's remote control,
// whose line reader (ssl_read_line) receives on res->fd a few calls below
// the handler that blocked the connection (fd_set_block(s->c->fd)). Twins,
// still reported: a reader that one caller reaches with the socket as it
// was accepted, and a handler that calls, before the command, a function
// that makes the socket non-blocking again, and a reader that a
// variable's cleanup attribute also runs, with no call in the source.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

struct conn {
  int fd;
};
struct session {
  struct conn *c;
};
struct request {
  int fd;
};

static void make_blocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl != -1)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

static int read_line(struct request *r, char *buf, size_t max) {
  size_t len = 0;
  while (len + 1 < max) {
    ssize_t n = recv(r->fd, buf + len, 1, 0);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return -1;
    }
    if (n == 0 || buf[len] == '\n')
      break;
    len++;
  }
  buf[len] = 0;
  return (int)len;
}

static int read_command(struct request *r, char *cmd, size_t max) {
  return read_line(r, cmd, max);
}

static void handle(struct session *s, struct request *r) {
  char cmd[64];
  make_blocking(s->c->fd);
  read_command(r, cmd, sizeof cmd);
}

void on_request(struct conn *c, struct session *s) {
  struct request r;
  r.fd = c->fd;
  handle(s, &r);
}

// Twin: one caller reaches the reader with the socket non-blocking.
struct query {
  int fd;
};

static int read_query(struct query *q, char *buf, size_t max) {
  ssize_t n = recv(q->fd, buf, max, 0);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 'q->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)n;
}

static void query_blocking(struct session *s, struct query *q) {
  char buf[64];
  make_blocking(s->c->fd);
  read_query(q, buf, sizeof buf);
}

static void query_as_is(struct query *q) {
  char buf[64];
  read_query(q, buf, sizeof buf);
}

void on_query(struct conn *c, struct session *s, int sync) {
  struct query q;
  q.fd = c->fd;
  if (sync)
    query_blocking(s, &q);
  else
    query_as_is(&q);
}

// Twin: the handler blocks the socket, then a preparation step makes it
// non-blocking again before the reader runs.
struct order {
  int fd;
};

static void go_async(struct session *s) {
  int fl = fcntl(s->c->fd, F_GETFL);
  fcntl(s->c->fd, F_SETFL, fl | O_NONBLOCK);
}

static void prepare(struct session *s) { go_async(s); }

static int read_order(struct order *o, char *buf, size_t max) {
  ssize_t n = recv(o->fd, buf, max, 0);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 'o->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)n;
}

static void handle_order(struct session *s, struct order *o) {
  char buf[64];
  make_blocking(s->c->fd);
  prepare(s);
  read_order(o, buf, sizeof buf);
}

void on_order(struct conn *c, struct session *s) {
  struct order o;
  o.fd = c->fd;
  handle_order(s, &o);
}

// Twin: the cleanup attribute calls the reader where nothing made the
// socket blocking.
struct tail {
  int fd;
};

static void drain_tail(struct tail *t) {
  char b[16];
  ssize_t n = recv(t->fd, b, sizeof b, 0);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 't->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return;
}

static void tail_blocking(struct session *s, struct tail *t) {
  make_blocking(s->c->fd);
  drain_tail(t);
}

void on_tail(struct conn *c, struct session *s) {
  struct tail t;
  t.fd = c->fd;
  tail_blocking(s, &t);
}

void on_tail_async(struct conn *c) {
  struct tail t __attribute__((cleanup(drain_tail)));
  t.fd = c->fd;
}
