#include "nbq/stream.h"

#include <string.h>
#include <sys/socket.h>

/* Reads until the buffer is full, or until the peer closes. */
int nbq_fill(struct nbq_stream *s, char *buf, size_t cap) {
  size_t got = 0;
  while (got < cap) {
    ssize_t n = recv(s->fd, buf + got, cap - got, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      continue;
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  return (int)got;
}

/* Sends len bytes, one send(2) after another. */
int nbq_drain(struct nbq_stream *s, char *buf, size_t len) {
  size_t off = 0;
  while (off < len) {
    ssize_t n = send(s->fd, buf + off, len - off, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EWOULDBLOCK || errno == EAGAIN)
        continue;
      return -1;
    }
    off += (size_t)n;
  }
  memset(buf, 0, len);
  return 0;
}

/* Echoes one chunk back; 0 once the peer is gone. */
int nbq_echo(struct nbq_stream *s) {
  char buf[128];
  ssize_t n = nbq_read(s, buf, sizeof buf);
  ssize_t m = recv(s->fd, buf, sizeof buf, MSG_PEEK);
  if (m <= 0) {
    close(s->fd);
    return 0;
  }
  return n > 0 && nbq_write_all(s, buf, (size_t)n) == 0;
}

/* Added by the change under review: 1 when a byte is waiting, else 0. */
int nbq_peek(struct nbq_stream *s) {
  char c;
  ssize_t n = recv(s->fd, &c, 1, MSG_PEEK);
  if (n < 0 && errno == EWOULDBLOCK)
    return 0;
  return n == 1;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
