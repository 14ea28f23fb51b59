// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// Tests written inside a macro's body: one mistake however many times the
// macro is used. Reported once, at the first use, with the fix in the
// macro's definition (a note points there), so that one edit fixes every
// use. A test whose errno comes from a macro's argument stays as written.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#define SOCK_WOULD_BLOCK() (errno == EAGAIN)
// CHECK-FIXES: {{^}}#define SOCK_WOULD_BLOCK() (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)){{$}}
#define ERR_IS_AGAIN(e) ((e) == EAGAIN)
// CHECK-FIXES: {{^}}#define ERR_IS_AGAIN(e) ((e) == EAGAIN || (EWOULDBLOCK != EAGAIN && (e) == EWOULDBLOCK)){{$}}
#define RETRIABLE_ERRNO(e) ((e) == EINTR || (e) == EAGAIN || (e) == EWOULDBLOCK)
// CHECK-FIXES: {{^}}    if ((n) < 0 && (errno != EWOULDBLOCK && (EAGAIN == EWOULDBLOCK || errno != EAGAIN))) {{.*}}\{{$}}
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
    // CHECK-MESSAGES: :20:29: note: the comparison is written in the macro 'SOCK_WOULD_BLOCK': fixed there once for every use
    return 0;
  return (int)n;
}

// The same macro used again: the one report above covers it.
static int stream_peek(struct stream *s) {
  ssize_t n = recv(s->fd, s->buf, 1, MSG_PEEK);
  if (n < 0 && SOCK_WOULD_BLOCK())
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
    // CHECK-MESSAGES: :22:26: note: the comparison is written in the macro 'ERR_IS_AGAIN': fixed there once for every use
    return 0;
  return (int)n;
}

static int stream_write(struct stream *s) {
  ssize_t n = write(s->fd, s->buf, sizeof s->buf);
  CHECK_IO(n, s->blocked = 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: errno from 'write' on 's->fd' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
  // CHECK-MESSAGES: :28:20: note: the comparison is written in the macro 'CHECK_IO': fixed there once for every use
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
  return stream_read(s) + stream_peek(s) + stream_recv(s) + stream_write(s) +
         stream_read_ok(s);
}
