// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// A struct field made blocking on every path to the call (itself, or the
// one field every store to it copies: unbound's `res.fd = c->fd`) fails
// with neither EAGAIN nor EWOULDBLOCK, so testing EAGAIN alone there is
// dead code. Twin: the same test where the handler makes another field
// blocking is still reported.

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>

struct point {
  int fd;
};
struct stream {
  int fd;
};
struct other {
  int fd;
};

static void set_block(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl != -1)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

void stream_open(struct stream *res, struct point *c) { res->fd = c->fd; }

int send_text(struct point *c, struct stream *res, const char *t, size_t n) {
  set_block(c->fd);
  ssize_t r = send(res->fd, t, n, 0);
  if (r < 0 && errno == EAGAIN)
    return 0;
  return (int)r;
}

int send_other(struct point *c, struct other *o, const char *t, size_t n) {
  set_block(c->fd);
  ssize_t r = send(o->fd, t, n, 0);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'send' on 'o->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)r;
}
