// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// The ways an object's descriptor reaches a mode change or another store
// that the object-by-object judgement must not miss: each of these
// objects is given a blocking socket, and each test of EAGAIN alone is
// still reported. Quiet: the same object with nothing else done to it.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct chanw {
  int fd;
  unsigned queued;
};
struct chanbuf {
  int fd;
  struct chanw w;
};

// Quiet: a fresh object given a blocking socket, nothing else.
int plain(void) {
  struct chanbuf *c = malloc(sizeof(*c));
  if (c == NULL)
    return -1;
  c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
  char b[4];
  if (read(c->fd, b, 1) == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

// The mode changed through a local copy of the field.
int copied(void) {
  struct chanbuf *c = malloc(sizeof(*c));
  if (c == NULL)
    return -1;
  c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
  int fd = c->fd;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  char b[4];
  if (read(c->fd, b, 1) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: errno from 'read' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(c->fd, b, 1) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// The field's value handed out of the function that reads it.
static int fd_of(struct chanbuf *c) { return c->fd; }
int returned(void) {
  struct chanbuf *c = malloc(sizeof(*c));
  if (c == NULL)
    return -1;
  c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
  int x = fd_of(c);
  fcntl(x, F_SETFL, O_NONBLOCK);
  if (read(c->fd, &x, 1) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(c->fd, &x, 1) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// The field's value in a conditional's arm, handed to fcntl.
int conditional(int n) {
  struct chanbuf *c = malloc(sizeof(*c));
  if (c == NULL)
    return -1;
  c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
  fcntl(n ? c->fd : n, F_SETFL, O_NONBLOCK);
  if (read(c->fd, &n, 1) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(c->fd, &n, 1) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// An embedded part put on a list: the list's walker reaches the whole
// object back (container_of) and stores another descriptor.
struct node {
  struct node *next;
};
struct conn {
  int fd;
  struct node n;
};
static struct node *all;
static void add(struct node *n) {
  n->next = all;
  all = n;
}
static void reaccept_all(int l) {
  for (struct node *n = all; n; n = n->next) {
    struct conn *c = (struct conn *)((char *)n - offsetof(struct conn, n));
    c->fd = accept4(l, NULL, NULL, SOCK_NONBLOCK);
  }
}
static struct conn g;
int listed(int l) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return -1;
  g.fd = sv[0];
  add(&g.n);
  reaccept_all(l);
  if (read(g.fd, sv, 1) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: errno from 'read' on 'g.fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(g.fd, sv, 1) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// A helper that reassigns its descriptor parameter before storing it.
static void conn_open(struct chanbuf *c, int l) {
  l = accept4(l, NULL, NULL, SOCK_NONBLOCK);
  c->fd = l;
}
int reassigned(int l) {
  struct chanbuf *c = malloc(sizeof(*c));
  if (c == NULL)
    return -1;
  conn_open(c, l);
  if (read(c->fd, &l, 1) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'read' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(c->fd, &l, 1) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// An object from the project's own allocator, which may fill it.
struct chanbuf *chan_alloc(int fd);
int allocated(int fd) {
  struct chanbuf *c = chan_alloc(fd);
  if (c == NULL)
    return -1;
  c->fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (read(c->fd, &fd, 1) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: errno from 'read' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(c->fd, &fd, 1) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                    (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// Quiet: bytes written into an array field of the object (a read buffer,
// moved down with memmove) are data, not another descriptor.
struct reader {
  int fd;
  unsigned char buf[64];
  unsigned used;
};
int buffered(void) {
  struct reader *r = malloc(sizeof(*r));
  if (r == NULL)
    return -1;
  r->fd = socket(AF_UNIX, SOCK_STREAM, 0);
  r->used = 0;
  ssize_t n = recv(r->fd, r->buf, sizeof(r->buf), 0);
  if (n == -1 && errno != EAGAIN)
    return -1;
  memmove(&r->buf, r->buf + 1, 8);
  r->buf[0] = 0;
  return (int)n;
}
