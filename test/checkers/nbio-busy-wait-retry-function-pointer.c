// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// I/O through a function-pointer parameter: a helper that moves a whole
// buffer with whatever function its caller passes (the shape of OpenSSH's
// atomicio(read, fd, ...) / atomicio(vwrite, fd, ...), which in its
// early versions, and still in dropbear's copy, retried EAGAIN at once).
// When every call of the helper is in view (a static function) and passes
// an I/O function, a call through the pointer is that call: read at some
// calls and write at others, it waits for the way it goes at run time.
// Twins that stay quiet: the helper that polls before the retry, a helper
// that one call hands a function that does no I/O, and a helper other
// files may call (not followed: they may pass anything).

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t (*io_fn)(int, void *, size_t);
#define vwrite (io_fn)write

static size_t move_all(io_fn f, int fd, void *buf, size_t n) {
  char *s = (char *)buf;
  size_t pos = 0;
  while (n > pos) {
    ssize_t res = (f)(fd, s + pos, n - pos);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'f' on fd 'fd' is retried on EAGAIN without waiting for it to become ready [nbio-busy-wait-retry]
    switch (res) {
    case -1:
      if (errno == EINTR || errno == EAGAIN)
        continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: the call is retried from here
      // CHECK-MESSAGES: :94:3: note: 'fd' was made non-blocking here
      // CHECK-MESSAGES: :95:7: note: 'f' is 'write' or 'read' at every call of 'move_all', as here
      // CHECK-FIXES: {{^}}      if (errno == EINTR || errno == EAGAIN) {{{$}}
      // CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {fd, {{(static_cast<short>\()?}}f == read ? POLLIN : POLLOUT{{\)?}}, 0};{{$}}
      // CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
      // CHECK-FIXES-NEXT: {{^}}        continue;{{$}}
      // CHECK-FIXES-NEXT: {{^}}      }{{$}}
      return 0;
    case 0:
      errno = EPIPE;
      return pos;
    default:
      pos += (size_t)res;
    }
  }
  return pos;
}

// One direction only: it waits for that one.
static size_t read_all(io_fn rd, int fd, void *buf, size_t n) {
  size_t pos = 0;
  while (n > pos) {
    ssize_t res = rd(fd, (char *)buf + pos, n - pos);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'rd' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (res < 0 && errno == EAGAIN)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :94:3: note: 'fd' was made non-blocking here
    // CHECK-MESSAGES: :98:3: note: 'rd' is 'read' at every call of 'read_all', as here
    // CHECK-FIXES: {{^}}    if (res < 0 && errno == EAGAIN) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
    if (res <= 0)
      return pos;
    pos += (size_t)res;
  }
  return pos;
}

// Twin: the helper waits for readiness before it retries.
static size_t move_all_polled(io_fn f, int fd, void *buf, size_t n) {
  size_t pos = 0;
  while (n > pos) {
    ssize_t res = f(fd, (char *)buf + pos, n - pos);
    if (res < 0 && errno == EAGAIN) {
      struct pollfd p = {fd, (short)(f == read ? POLLIN : POLLOUT), 0};
      (void)poll(&p, 1, -1);
      continue;
    }
    if (res <= 0)
      return pos;
    pos += (size_t)res;
  }
  return pos;
}

void exchange(int fd, char *req, size_t len, char *rep) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (move_all(vwrite, fd, req, len) != len)
    return;
  move_all(read, fd, rep, 4);
  read_all(read, fd, rep, 4);
  move_all_polled(read, fd, rep, 4);
  move_all_polled(vwrite, fd, req, len);
}

// Twin: one call hands the helper a function that does no I/O, so a call
// through its pointer is not known to be one.
static ssize_t fill(int fd, void *buf, size_t n) {
  (void)fd;
  (void)buf;
  return (ssize_t)n;
}

static size_t apply_all(io_fn f, int fd, void *buf, size_t n) {
  size_t pos = 0;
  while (n > pos) {
    ssize_t res = f(fd, (char *)buf + pos, n - pos);
    if (res < 0 && errno == EAGAIN)
      continue;
    if (res <= 0)
      return pos;
    pos += (size_t)res;
  }
  return pos;
}

void fill_and_read(int fd, char *buf) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  apply_all(fill, fd, buf, 4);
  apply_all(read, fd, buf, 4);
}

// Twin: a helper other files may call with anything (not followed).
size_t move_all_extern(io_fn f, int fd, void *buf, size_t n) {
  size_t pos = 0;
  while (n > pos) {
    ssize_t res = f(fd, (char *)buf + pos, n - pos);
    if (res < 0 && errno == EAGAIN)
      continue;
    if (res <= 0)
      return pos;
    pos += (size_t)res;
  }
  return pos;
}

void use_extern(int fd, char *buf) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  move_all_extern(read, fd, buf, 4);
}
