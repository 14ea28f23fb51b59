// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The project's tls_read only forwards to read() on the connection's
// socket: a thin wrapper, whatever its name.
#include "conn.h"
#include <unistd.h>

ssize_t tls_read(struct conn *c, void *buf, size_t len) {
  return read(c->fd, buf, len);
}
