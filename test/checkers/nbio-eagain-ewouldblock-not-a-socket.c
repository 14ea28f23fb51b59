// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// POSIX names EWOULDBLOCK for sockets only: a FIFO, a file or a device
// opened by path (and a pipe, an eventfd...) fails with EAGAIN alone, so a
// test of EAGAIN on one is right on every system. Reduced from rsyslog's
// ompipe, which opens its named pipe O_NONBLOCK into a field of its
// instance data and, in another function, drops the message on any error
// but EAGAIN. Twins that are reported: the same field when another
// function may store a socket in it, a test of EWOULDBLOCK alone on the
// FIFO, a descriptor that accept() made, and one that may be the standard
// input.

#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

struct pipe_out {
  const char *path;
  int fd;
};

int pipe_out_open(struct pipe_out *p) {
  p->fd = open(p->path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
  return p->fd < 0 ? -1 : 0;
}

int pipe_out_write(struct pipe_out *p, const char *msg, size_t len) {
  if (write(p->fd, msg, len) < 0) {
    if (errno == EAGAIN)
      return 1; // the reader is slow: try again with the next message
    close(p->fd);
    p->fd = -1;
    return -1;
  }
  return 0;
}

// A terminal opened by path, kept in a local.
int tty_put(const char *dev, const char *s, size_t n) {
  int fd = open(dev, O_WRONLY | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  ssize_t r = write(fd, s, n);
  int again = r < 0 && errno == EAGAIN;
  close(fd);
  return again ? 1 : 0;
}

// Twin: EWOULDBLOCK alone on the FIFO misses the one error POSIX gives it.
int pipe_out_write_ewouldblock(struct pipe_out *p, const char *msg,
                               size_t len) {
  if (write(p->fd, msg, len) < 0) {
    if (errno == EWOULDBLOCK)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'write' on 'p->fd' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (errno == EWOULDBLOCK || (EAGAIN != EWOULDBLOCK && errno == EAGAIN)){{$}}
      return 1;
    return -1;
  }
  return 0;
}

// Twin: a field that holds a FIFO or, from another function, a socket.
struct sink {
  int fd;
};

int sink_open_fifo(struct sink *s, const char *path) {
  s->fd = open(path, O_WRONLY | O_NONBLOCK);
  return s->fd;
}

int sink_open_socket(struct sink *s) {
  s->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return s->fd;
}

int sink_write(struct sink *s, const char *msg, size_t len) {
  if (write(s->fd, msg, len) < 0) {
    if (errno == EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'write' on 's->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)){{$}}
      return 1;
    return -1;
  }
  return 0;
}

// Twin: accept() makes a socket.
int serve_one(int listener, const char *msg, size_t len) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  fcntl(c, F_SETFL, O_NONBLOCK);
  int r = 0;
  if (write(c, msg, len) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: errno from 'write' on 'c' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(c, msg, len) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                 (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    r = 1;
  close(c);
  return r;
}

// Twin: a file opened by path, or else the standard input (curl's upload
// source). The standard streams may be sockets (a program started by
// inetd, or with its input redirected from one): descriptor 0 is not
// taken for "no descriptor".
int read_upload(const char *path, char *buf, size_t len) {
  int fd = STDIN_FILENO;
  if (path)
    fd = open(path, O_RDONLY | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)n;
}

// Its look-alike: the -1 a failed open() leaves is no descriptor at all.
int read_named(const char *path, char *buf, size_t len) {
  int fd = -1;
  if (path)
    fd = open(path, O_RDONLY | O_NONBLOCK);
  ssize_t n = read(fd, buf, len);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return (int)n;
}

// Twin: a field this file never stores in holds what other files put
// there, maybe a socket; a file opened by path stands in only when it is
// unset. Reported.
struct peer {
  int sock;
};

int peer_note(struct peer *p, const char *path, const char *m, size_t n) {
  int fd = p->sock;
  if (fd < 0)
    fd = open(path, O_WRONLY | O_NONBLOCK);
  if (write(fd, m, n) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: errno from 'write' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fd, m, n) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                              (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return 1;
}
