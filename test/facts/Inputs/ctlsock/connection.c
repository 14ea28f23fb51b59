// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Synchronous calls over the control socket: each retries on EAGAIN at
// once, which spins only if the socket is non-blocking.
#include "ctl.h"
#include <errno.h>
#include <unistd.h>

static int sync_connect(const char *name) { return ctl_connect(name); }

long sync_send(struct conn_sync *c, const char *name, const char *b,
               size_t n) {
  long nb;
  if (c->fd == -1 && (c->fd = sync_connect(name)) == -1)
    return -1;
  while ((nb = write(c->fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}

long fast_send(struct conn_fast *c, const char *name, const char *b,
               size_t n) {
  long nb;
  if (c->fd == -1 && (c->fd = ctl_connect_fast(name)) == -1)
    return -1;
  while ((nb = write(c->fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}

long shared_send(struct conn_shared *c, const char *name, const char *b,
                 size_t n) {
  long nb;
  if (c->fd == -1 && (c->fd = ctl_connect(name)) == -1)
    return -1;
  while ((nb = write(c->fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}

long once_send(const char *name, const char *b, size_t n) {
  long nb;
  int fd = ctl_connect(name);
  if (fd == -1)
    return -1;
  while ((nb = write(fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    break;
  }
  close(fd);
  return nb;
}

void conn_sync_init(struct conn_sync *c) { c->fd = -1; }

void conn_sync_log(struct conn_sync *c) { ctl_note(c->fd); }

long tuned_send(struct conn_tuned *c, const char *name, const char *b,
                size_t n) {
  long nb;
  if (c->fd == -1) {
    if ((c->fd = ctl_connect(name)) == -1)
      return -1;
    ctl_tune(c->fd);
  }
  while ((nb = write(c->fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}

long boot_send(struct conn_boot *c, const char *name, const char *b,
               size_t n) {
  long nb;
  if (c->fd == -1 && (c->fd = ctl_connect(name)) == -1)
    return -1;
  while ((nb = write(c->fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}

long copied_send(struct conn_copied *c, const char *name, const char *b,
                 size_t n) {
  long nb;
  if (c->fd == -1 && (c->fd = ctl_connect(name)) == -1)
    return -1;
  while ((nb = write(c->fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}

long logged_send(struct conn_logged *c, const char *name, const char *b,
                  size_t n) {
  long nb;
  if (c->fd == -1 && (c->fd = ctl_connect(name)) == -1)
    return -1;
  while ((nb = write(c->fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}
