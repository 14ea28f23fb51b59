// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// Tests written inside macros: reported where the macro is used, never
// rewritten (the macro serves other call sites too). No fix is expected
// anywhere in this file: the fixed file must equal the input.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#define SOCK_WOULD_BLOCK() (errno == EAGAIN)
#define ERR_IS_AGAIN(e) ((e) == EAGAIN)
#define RETRIABLE_ERRNO(e) ((e) == EINTR || (e) == EAGAIN || (e) == EWOULDBLOCK)
#define CHECK_IO(n, on_again)                                                  \
  do {                                                                         \
    if ((n) < 0 && errno != EWOULDBLOCK)                                       \
      return -1;                                                               \
    if ((n) < 0)                                                               \
      on_again;                                                                \
  } while (0)

struct stream {
  int fd;
  char buf[512];
  int blocked;
};

// --- Positive cases --------------------------------------------------------

static int stream_read(struct stream *s) {
  ssize_t n = read(s->fd, s->buf, sizeof s->buf);
  if (n < 0 && SOCK_WOULD_BLOCK())
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 's->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    return 0;
  return (int)n;
}

// A macro whose name looks like an error constant (E + capitals) wraps the
// test: the EAGAIN inside it is still what is compared.
static int stream_recv(struct stream *s) {
  ssize_t n = recv(s->fd, s->buf, sizeof s->buf, 0);
  int err = errno;
  if (n < 0 && ERR_IS_AGAIN(err))
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 's->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    return 0;
  return (int)n;
}

static int stream_write(struct stream *s) {
  ssize_t n = write(s->fd, s->buf, sizeof s->buf);
  CHECK_IO(n, s->blocked = 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: errno from 'write' on 's->fd' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
  return (int)n;
}

// --- Negative cases --------------------------------------------------------

static int stream_read_ok(struct stream *s) {
  ssize_t n = read(s->fd, s->buf, sizeof s->buf);
  if (n < 0 && RETRIABLE_ERRNO(errno))
    return 0;
  return (int)n;
}

int stream_pump(struct stream *s);
int stream_pump(struct stream *s) {
  return stream_read(s) + stream_recv(s) + stream_write(s) + stream_read_ok(s);
}
