// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// A struct field is one descriptor for the whole file. Reduced from
// unbound's remote control (daemon/remote.c): the request handler makes
// the connection's socket blocking (fd_set_block(s->c->fd)) and then
// reads through another struct, whose fd is filled only from the
// connection's (res.fd = c->fd, in the callback that calls the handler).
// The EAGAIN retry after that is dead code, not a spin. Twins, reported:
// the socket made blocking on one path only, and a field filled from two
// different fields.

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct point {
  int fd;
};
struct state {
  struct point *c;
};
struct stream {
  int fd;
};

static void set_block(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl != -1)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

int point_accept(struct point *listener, struct point *out) {
  out->fd = accept4(listener->fd, NULL, NULL, SOCK_NONBLOCK);
  return out->fd;
}

static int read_magic(struct state *s, struct stream *res, char *magic,
                      size_t len) {
  set_block(s->c->fd);
  for (;;) {
    ssize_t n = recv(res->fd, magic, len, 0);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return -1;
    }
    return (int)n;
  }
}

// The same field made blocking and read.
int read_direct(struct state *s, char *buf, size_t len) {
  set_block(s->c->fd);
  for (;;) {
    ssize_t n = recv(s->c->fd, buf, len, 0);
    if (n < 0 && errno == EAGAIN)
      continue;
    return (int)n;
  }
}

int on_request(struct point *c, struct state *s) {
  char magic[8];
  struct stream res;
  res.fd = c->fd;
  return read_magic(s, &res, magic, sizeof magic);
}

// Twin: blocking only when asked to be synchronous.
int read_maybe(struct state *s, struct stream *res, int sync, char *buf,
               size_t len) {
  if (sync)
    set_block(s->c->fd);
  for (;;) {
    ssize_t n = recv(res->fd, buf, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 'res->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {res->fd, POLLIN, 0};{{$}}
    if (n < 0 && errno == EAGAIN)
      continue;
    return (int)n;
  }
}

// Twin: a field filled from two different fields may hold a descriptor the
// handler never made blocking.
struct listener {
  int sock;
};
struct relay {
  int fd;
};

int relay_read(struct state *s, struct relay *r, char *buf, size_t len) {
  set_block(s->c->fd);
  for (;;) {
    ssize_t n = recv(r->fd, buf, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 'r->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {r->fd, POLLIN, 0};{{$}}
    if (n < 0 && errno == EAGAIN)
      continue;
    return (int)n;
  }
}

void relay_from_point(struct relay *r, struct point *c) { r->fd = c->fd; }
void relay_from_listener(struct relay *r, struct listener *l) {
  r->fd = l->sock;
}
