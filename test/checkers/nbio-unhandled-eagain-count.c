// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// The result used as a byte count or an index before anyone asked whether
// it is -1.

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

struct out {
  int fd;
  const char *data;
  size_t len;
  size_t off;
};

void out_init(struct out *o, int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  o->fd = fd;
}

void flush_some(struct out *o) {
  o->off += write(o->fd, o->data + o->off, o->len - o->off);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'write' on non-blocking fd 'o->fd' can fail with EAGAIN, but its result is used as a byte count without a check [nbio-unhandled-eagain]
}

void read_line(int fd, char *buf, size_t cap) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, buf, cap - 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' can fail with EAGAIN, but its result is used as a byte count without a check [nbio-unhandled-eagain]
  buf[n] = '\0';
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the result is used here; on EAGAIN it is -1
}

void copy_through(int in, int out) {
  char buf[256];
  fcntl(in, F_SETFL, O_NONBLOCK);
  ssize_t n = read(in, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'in' can fail with EAGAIN, but its result is used as a byte count without a check [nbio-unhandled-eagain]
  if (write(out, buf, n) < 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:23: note: the result is used here; on EAGAIN it is -1
    return;
}

// ---- Checked first: nothing to report. ----

void flush_checked(struct out *o) {
  ssize_t n = write(o->fd, o->data + o->off, o->len - o->off);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      return;
    return;
  }
  o->off += (size_t)n;
}

void read_line_checked(int fd, char *buf, size_t cap) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, buf, cap - 1);
  if (n <= 0)
    return;
  buf[n] = '\0';
}

void length_only_after_success(int fd, char *buf) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n;
  while ((n = read(fd, buf, 64)) > 0)
    memset(buf, 0, (size_t)n);
}
