// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The protocol code reads each field and drops the connection on failure.
#include "conn.h"
#include <sys/types.h>
#include <unistd.h>

void conn_read(struct conn *c, char *buf, size_t n) {
  if (read(c->sock, buf, n) <= 0)
    close(c->sock);
}

void plain_read(struct conn *c, char *buf, size_t n) {
  if (read(c->plain, buf, n) <= 0)
    close(c->plain);
}

void spare_read(struct conn *c, char *buf, size_t n) {
  if (read(c->spare, buf, n) <= 0)
    close(c->spare);
}
