// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The protocol core: every frame goes through the connection's transport
// table. A short send is taken for a bad frame and the rest is dropped; a
// failed receive (EAGAIN included) closes the connection, but the
// transport's `get` waited for readability first.
#include "conn.h"
#include <errno.h>
#include <unistd.h>

int send_frame(struct conn *c, unsigned char *frame, int len) {
  ssize_t rc = c->tr->put(c, frame, len);
  if (rc > 0 && rc != len) {
    errno = EBADMSG;
    return -1;
  }
  return (int)rc;
}

int read_frame(struct conn *c, unsigned char *frame, int len) {
  ssize_t rc = c->tr->get(c, frame, len);
  if (rc < 0) {
    close(c->sock);
    return -1;
  }
  return (int)rc;
}

// The same table call on a field that no file makes non-blocking.
int send_quiet(struct conn *c, unsigned char *frame, int len) {
  ssize_t rc = write(c->quiet_sock, frame, len);
  if (rc > 0 && rc != len)
    return -1;
  return (int)rc;
}
