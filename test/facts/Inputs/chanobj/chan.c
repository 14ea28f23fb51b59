// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "chan.h"
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>

void chanw_init(struct chanw *w) {
  w->fd = -1;
  w->queued = 0;
}

void chan_init(struct chanbuf *cb, int fd) {
  memset(&cb->w, 0, sizeof(cb->w));
  chanw_init(&cb->w);
  cb->fd = fd;
  cb->w.fd = fd;
}

ssize_t chan_read(struct chanbuf *cb, void *b, size_t n) {
  return recv(cb->fd, b, n, 0);
}

ssize_t chanw_flush(struct chanw *w, const void *b, size_t n) {
  return send(w->fd, b, n, 0);
}

void chan_nonblock(struct chanbuf *cb) {
  int fl = fcntl(cb->fd, F_GETFL);
  fcntl(cb->fd, F_SETFL, fl | O_NONBLOCK);
}

void chan_note(struct chanbuf *cb) { chanw_flush(&cb->w, "", 0); }
