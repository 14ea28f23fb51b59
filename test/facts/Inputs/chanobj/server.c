// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Accepted connections are non-blocking and kept in the same struct: the
// field, taken by type, holds non-blocking descriptors.
#define _GNU_SOURCE
#include "chan.h"
#include <stdlib.h>
#include <sys/socket.h>

struct chanbuf *conn_accept(int lfd) {
  int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
  if (fd == -1)
    return NULL;
  struct chanbuf *c = malloc(sizeof(*c));
  if (c == NULL)
    return NULL;
  chan_init(c, fd);
  return c;
}
