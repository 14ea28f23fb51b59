/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
#include "conn.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "netutil.h"

struct conn *conn_new(int fd) {
  struct conn *c = calloc(1, sizeof *c);
  if (!c)
    return NULL;
  net_set_nonblocking(fd);
  c->fd = fd;
  return c;
}

void conn_close(struct conn *c) {
  close(c->fd);
  free(c);
}

/* MISTAKE (nbio-unhandled-eagain): EOF and EAGAIN are lumped together, so a
   spurious wake-up, or a peer that is merely slow, closes the connection. */
int conn_on_readable(struct conn *c) {
  ssize_t n = read(c->fd, c->buf, sizeof c->buf);
  if (n <= 0) {
    conn_close(c);
    return 0;
  }
  c->len = (size_t)n;
  c->sent = 0;
  return 1;
}

/* Correct: EAGAIN means "try again when writable"; only other errors end
   the connection. */
int conn_on_writable(struct conn *c) {
  while (c->sent < c->len) {
    ssize_t n = write(c->fd, c->buf + c->sent, c->len - c->sent);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        return 1; /* the loop calls us again on EPOLLOUT */
      if (errno == EINTR)
        continue;
      conn_close(c);
      return 0;
    }
    c->sent += (size_t)n;
  }
  c->len = c->sent = 0;
  return 1;
}
