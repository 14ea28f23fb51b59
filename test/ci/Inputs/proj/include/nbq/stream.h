/* nbq: a non-blocking byte stream, shared by the C library, the C++ relay
   and the C probe. Every source of the project includes this header, so
   each of them reports the two findings below, with the same fix-its. */
#ifndef NBQ_STREAM_H
#define NBQ_STREAM_H

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

struct nbq_stream {
  int fd;
  unsigned long reads;
};

/* Puts fd in non-blocking mode and wraps it. */
static inline int nbq_open(struct nbq_stream *s, int fd) {
  int fl = fcntl(fd, F_GETFL, 0);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
    return -1;
  s->fd = fd;
  s->reads = 0;
  return 0;
}

/* Bytes read, 0 when nothing is there yet, -1 on error. */
static inline ssize_t nbq_read(struct nbq_stream *s, void *buf, size_t len) {
  ssize_t n = read(s->fd, buf, len);
  s->reads++;
  if (n < 0 && errno == EAGAIN)
    return 0;
  return n;
}

/* Writes all of p, however long the peer takes. */
static inline int nbq_write_all(struct nbq_stream *s, const char *p,
                                size_t len) {
  while (len > 0) {
    ssize_t n = write(s->fd, p, len);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        continue;
      return -1;
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

int nbq_fill(struct nbq_stream *s, char *buf, size_t cap);
int nbq_drain(struct nbq_stream *s, char *buf, size_t len);
int nbq_dial(const char *port);
int nbq_echo(struct nbq_stream *s);

#ifdef __cplusplus
}
#endif

#endif
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
