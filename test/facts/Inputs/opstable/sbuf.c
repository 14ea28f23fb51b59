// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The table's functions hand the socket to the safe-I/O library of another
// file: raw_send is a thin wrapper of send() only if safe_send is one,
// which this file cannot see; so is sbuf_send_now, visible to the other
// files. raw_recv goes through polite_recv, which waits.
#include "sbuf.h"
#include <fcntl.h>

ssize_t safe_send(int fd, const void *buf, size_t len, int flags);
ssize_t polite_recv(int fd, void *buf, size_t len);

static ssize_t raw_send(struct sbuf *s, const void *data, size_t len) {
  return safe_send(s->sock, data, len, 0);
}

static ssize_t raw_recv(struct sbuf *s, void *data, size_t len) {
  return polite_recv(s->sock, data, len);
}

static const struct sbuf_ops raw_ops = {raw_send, raw_recv};

void sbuf_attach(struct sbuf *s, int fd) {
  s->sock = fd;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  s->ops = &raw_ops;
}

ssize_t sbuf_send_now(struct sbuf *s, const void *data, size_t len) {
  ssize_t n = safe_send(s->sock, data, len, 0);
  return n;
}
