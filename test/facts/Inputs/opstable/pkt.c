// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The packet layer: sends through the table and through sbuf_send_now,
// receives through the table.
#include "sbuf.h"
#include <errno.h>
#include <unistd.h>

int pkt_flush(struct sbuf *s, const char *buf, size_t len) {
  ssize_t res = sbuf_op_send(s, buf, len);
  if (res < 0) {
    if (errno == EAGAIN)
      return 0;
    close(s->sock);
    return -1;
  }
  return (int)res;
}

int pkt_send_direct(struct sbuf *s, const char *buf, size_t len) {
  ssize_t res = sbuf_send_now(s, buf, len);
  if (res < 0) {
    close(s->sock);
    return -1;
  }
  return (int)res;
}

int pkt_read(struct sbuf *s, char *buf, size_t len) {
  ssize_t res = sbuf_op_recv(s, buf, len);
  if (res < 0) {
    close(s->sock);
    return -1;
  }
  return (int)res;
}
