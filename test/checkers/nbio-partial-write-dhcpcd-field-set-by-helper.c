// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A connection's descriptor reaches its struct through a constructor that
// other files may call too: the field is given what this file's calls
// pass. Reduced from dhcpcd's control socket: control_handle1 makes the
// accepted descriptor non-blocking and hands it to control_new(), which
// stores it in l->fd; control_writeone, the queue's writer, tests writev()
// only for -1 and then frees the whole message, so a short write loses
// the rest of it. Twin that stays quiet: a constructor one of whose calls
// in the file passes a blocking descriptor (which objects get which, the
// field's one key for the whole file cannot tell).

#define _GNU_SOURCE 1
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

struct conn {
  int fd;
  struct iovec out[2];
};

struct conn *conn_new(int fd) {
  struct conn *c = (struct conn *)calloc(1, sizeof *c);
  if (c)
    c->fd = fd;
  return c;
}

struct conn *conn_accept(int lfd) {
  int fd = accept(lfd, NULL, NULL);
  if (fd == -1)
    return NULL;
  int fl = fcntl(fd, F_GETFL, 0);
  if (fl == -1 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) == -1) {
    close(fd);
    return NULL;
  }
  return conn_new(fd);
}

void conn_write_queued(struct conn *c) {
  if (writev(c->fd, c->out, 2) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'writev' on non-blocking fd 'c->fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    close(c->fd);
    return;
  }
  free(c->out[1].iov_base);
  c->out[1].iov_base = NULL;
}

// Twin: one call of the constructor passes a blocking descriptor.
struct peer {
  int fd;
  struct iovec out[2];
};

struct peer *peer_new(int fd) {
  struct peer *p = (struct peer *)calloc(1, sizeof *p);
  if (p)
    p->fd = fd;
  return p;
}

struct peer *peer_accept(int lfd) {
  int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
  return fd == -1 ? NULL : peer_new(fd);
}

struct peer *peer_local(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return NULL;
  return peer_new(sv[0]);
}

void peer_write_queued(struct peer *p) {
  if (writev(p->fd, p->out, 2) == -1) {
    close(p->fd);
    return;
  }
  free(p->out[1].iov_base);
  p->out[1].iov_base = NULL;
}
