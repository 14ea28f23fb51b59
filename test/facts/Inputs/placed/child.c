// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The children read their channels by number. Only PARENT_FD gets a
// blocking socket from every call that places one there.
#include "proc.h"
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct chan {
  int fd;
  char buf[256];
};

static struct chan *to_parent;

/* A channel of another kind: a socket of the child's own, non-blocking. */
int chan_connect(struct chan *c) {
  c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return c->fd;
}

int child_read(void) {
  char buf[64];
  ssize_t n = read(PARENT_FD, buf, sizeof buf);
  if (n == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

int child_chan(void) {
  if ((to_parent = malloc(sizeof(*to_parent))) == NULL)
    return -1;
  to_parent->fd = PARENT_FD;
  ssize_t n = read(to_parent->fd, to_parent->buf, sizeof to_parent->buf);
  if (n == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

int helper_read(void) {
  char buf[64];
  ssize_t n = read(HELPER_FD, buf, sizeof buf);
  if (n == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

int spare_read(void) {
  char buf[64];
  ssize_t n = read(SPARE_FD, buf, sizeof buf);
  if (n == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

int logger_read(void) {
  char buf[64];
  ssize_t n = read(LOGGER_FD, buf, sizeof buf);
  if (n == -1 && errno != EAGAIN)
    return -1;
  return 0;
}
