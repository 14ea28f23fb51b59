/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
#ifndef CONN_H
#define CONN_H

#include <stddef.h>

struct conn {
  int fd;
  char buf[4096];
  size_t len;  /* bytes waiting to be echoed back */
  size_t sent; /* of those, bytes already written */
};

struct conn *conn_new(int fd);
void conn_close(struct conn *c);

/* Called by the event loop when c->fd is readable / writable. Both return
   1 while the connection lives, 0 once it is closed. */
int conn_on_readable(struct conn *c);
int conn_on_writable(struct conn *c);

#endif
