// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The caller makes the connection's socket non-blocking and closes it on
// any failure of the project's tls_read.
#include "conn.h"
#include <fcntl.h>
#include <unistd.h>

int serve(struct conn *c, char *buf, size_t len) {
  fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
  if (tls_read(c, buf, len) < 0) {
    close(c->fd);
    return -1;
  }
  return 0;
}
