// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"

// Fills a connection from another one's session with a struct initializer:
// quick_conn's session runs over a non-blocking socket.
plain_conn plain_from(const quick_conn *q) {
  plain_conn c = {.fd = q->fd, .session = q->session};
  return c;
}
