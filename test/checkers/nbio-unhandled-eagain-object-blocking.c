// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// A struct that holds accepted connections, made non-blocking, and a
// control client's blocking socket (openbgpd keeps both in its imsg
// buffers): taken by type, the field is non-blocking, but the object a
// local variable names was given only the blocking socket, through the
// file's own set-up function, so a failed flush there is no would-block.
// Twin: the same flush on an accepted connection is still reported.

#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct chanw {
  int fd;
  unsigned queued;
};
struct chanbuf {
  int fd;
  struct chanw w;
};

static void chan_init(struct chanbuf *cb, int fd) {
  cb->fd = fd;
  cb->w.fd = fd;
  cb->w.queued = 0;
}

static ssize_t chanw_flush(struct chanw *w, const void *b, size_t n) {
  return send(w->fd, b, n, 0);
}

struct chanbuf *conn_accept(int lfd) {
  int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
  if (fd == -1)
    return NULL;
  struct chanbuf *c = malloc(sizeof(*c));
  if (c == NULL) {
    close(fd);
    return NULL;
  }
  c->fd = fd;
  c->w.fd = fd;
  return c;
}

// Reported: an accepted connection.
void conn_reply(struct chanbuf *c) {
  if (chanw_flush(&c->w, "ok\n", 3) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'chanw_flush' on non-blocking fd 'c->w.fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(c->fd);
    free(c);
  }
}

// Quiet: the control socket is blocking.
void ctl_request(void) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd == -1)
    return;
  struct chanbuf *cb = malloc(sizeof(*cb));
  if (cb == NULL)
    return;
  chan_init(cb, fd);
  if (chanw_flush(&cb->w, "status\n", 7) == -1) {
    close(cb->fd);
    free(cb);
  }
}
