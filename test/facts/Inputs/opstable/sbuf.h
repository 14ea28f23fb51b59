// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A stream buffer that does its I/O through a table of operations (after
// pgbouncer's SBufIO): the protocol files call the table through inline
// helpers and never see the socket calls, which the table's functions
// leave to a safe-I/O library in yet another file.
#include <stddef.h>
#include <sys/types.h>

struct sbuf;
struct sbuf_ops {
  ssize_t (*send)(struct sbuf *s, const void *data, size_t len);
  ssize_t (*recv)(struct sbuf *s, void *data, size_t len);
};
struct sbuf {
  int sock;
  const struct sbuf_ops *ops;
};

static inline ssize_t sbuf_op_send(struct sbuf *s, const void *data,
                                   size_t len) {
  return s->ops->send(s, data, len);
}
static inline ssize_t sbuf_op_recv(struct sbuf *s, void *data, size_t len) {
  return s->ops->recv(s, data, len);
}

void sbuf_attach(struct sbuf *s, int fd);
ssize_t sbuf_send_now(struct sbuf *s, const void *data, size_t len);
