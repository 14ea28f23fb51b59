// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// The fix-it keeps `errno` as written in the second test (it once wrote
// the expansion, `*__errno_location () == EWOULDBLOCK`).

// Conditions that test the errno of a socket call for only one of the two
// "would block" names. They are the same number on Linux, so the tests run
// here compile either way; the fix keeps the code free of duplicate-value
// warnings by comparing the two names before testing the second one.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct conn {
  int fd;
  char inbuf[4096];
  size_t inlen;
  const char *out;
  size_t outlen;
  int want_write;
};

// --- Positive cases --------------------------------------------------------

static int conn_fill(struct conn *c) {
  ssize_t n = recv(c->fd, c->inbuf + c->inlen, sizeof c->inbuf - c->inlen, 0);
  if (n < 0) {
    if (errno == EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'recv' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: if (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))
      return 0;
    return -1;
  }
  c->inlen += (size_t)n;
  return 1;
}

static int conn_flush(struct conn *c) {
  while (c->outlen > 0) {
    ssize_t n = send(c->fd, c->out, c->outlen, MSG_NOSIGNAL);
    if (n < 0 && errno == EWOULDBLOCK) {
      // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'send' on 'c->fd' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (n < 0 && (errno == EWOULDBLOCK ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                  (EAGAIN != EWOULDBLOCK && errno == EAGAIN))) {{{$}}
      c->want_write = 1;
      return 0;
    }
    if (n < 0)
      return -1;
    c->out += n;
    c->outlen -= (size_t)n;
  }
  c->want_write = 0;
  return 1;
}

// `!=` on the error path: the negated form of the fix.
static ssize_t read_some(int fd, void *buf, size_t len) {
  ssize_t n = read(fd, buf, len);
  if (n < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return n < 0 ? 0 : n;
}

// The constant on the left.
static int accept_one(int lfd) {
  int fd = accept(lfd, NULL, NULL);
  if (fd < 0 && EAGAIN == errno)
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: errno from 'accept' on 'lfd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (fd < 0 && (EAGAIN == errno ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                 (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return -2;
  return fd;
}

// A copy of errno taken right after the call.
static int drain(int fd) {
  char buf[512];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    int err = errno;
    if (n > 0)
      continue;
    if (n == 0)
      return 0;
    if (err == EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: if (err == EAGAIN || (EWOULDBLOCK != EAGAIN && err == EWOULDBLOCK))
      return 1;
    return -1;
  }
}

// A copy assigned later, and a test in a loop condition.
static ssize_t write_all(int fd, const char *p, size_t len) {
  ssize_t n;
  int saved;
  do {
    n = write(fd, p, len);
    saved = errno;
  } while (n < 0 && saved == EAGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: errno from 'write' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
  // CHECK-FIXES: {{^}}  } while (n < 0 && (saved == EAGAIN ||{{$}}
  // CHECK-FIXES-NEXT: {{^}}                     (EWOULDBLOCK != EAGAIN && saved == EWOULDBLOCK)));{{$}}
  return n;
}

// A test whose value is returned rather than branched on.
static int recv_would_block(int fd, char *buf, size_t len) {
  ssize_t n = recvfrom(fd, buf, len, 0, NULL, NULL);
  return n < 0 && errno == EAGAIN;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: errno from 'recvfrom' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
  // CHECK-FIXES: {{^}}  return n < 0 && (errno == EAGAIN ||{{$}}
  // CHECK-FIXES-NEXT: {{^}}                   (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK));{{$}}
}

// Zero-copy transfers: splice() and the four-argument sendfile() exist only
// on Linux (and Solaris), where EAGAIN == EWOULDBLOCK, so code that calls
// them cannot meet a platform where the two differ: no warning.
static ssize_t pipe_to_socket(int pipe_rd, int sock, size_t len) {
  ssize_t n = splice(pipe_rd, NULL, sock, NULL, len, SPLICE_F_NONBLOCK);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return n;
}

static ssize_t file_to_socket(int sock, int file, off_t *off, size_t len) {
  ssize_t n = sendfile(sock, file, off, len);
  if (n < 0 && errno == EWOULDBLOCK)
    return 0;
  return n;
}

// The same test after a portable call in the same function is reported.
static ssize_t header_then_file(int sock, int file, off_t *off, size_t len,
                                const char *hdr, size_t hlen) {
  ssize_t n = sendfile(sock, file, off, len);
  if (n < 0)
    return -1;
  n = write(sock, hdr, hlen);
  if (n < 0 && errno == EWOULDBLOCK)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'write' on 'sock' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EWOULDBLOCK ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EAGAIN != EWOULDBLOCK && errno == EAGAIN))){{$}}
    return 0;
  return n;
}

// A file opened here without O_NONBLOCK: its reads fail with neither name,
// so testing one of them is dead code, not a portability bug (a config file
// reader in an SSH server). Opened with O_NONBLOCK (a FIFO), it is quiet
// too: POSIX names EWOULDBLOCK for sockets alone, and a FIFO fails with
// EAGAIN (more in nbio-eagain-ewouldblock-not-a-socket.c).
static int read_file_blocking(const char *path, char *buf, size_t len) {
  int fd = -1;
  ssize_t n;
  fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  do {
    n = read(fd, buf, len);
  } while (n < 0 && (errno == EINTR || errno == EAGAIN));
  close(fd);
  return (int)n;
}

static int read_fifo(const char *path, char *buf, size_t len) {
  int fd = open(path, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  ssize_t n = read(fd, buf, len);
  if (n < 0 && errno == EAGAIN)
    n = 0;
  close(fd);
  return (int)n;
}

// The variable also takes a descriptor from elsewhere: reported.
static int read_file_or_stdin(const char *path, char *buf, size_t len) {
  int fd = path ? open(path, O_RDONLY) : STDIN_FILENO;
  ssize_t n = read(fd, buf, len);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    n = 0;
  return (int)n;
}

// Messages with ancillary data (passed descriptors).
static ssize_t recv_fds(int sock, struct msghdr *msg) {
  ssize_t n = recvmsg(sock, msg, MSG_CMSG_CLOEXEC);
  if (n == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recvmsg' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return n < 0 ? 0 : n;
}

// The other name appears only in a comment inside the condition: commented
// out code handles nothing.
static int conn_fill_commented(struct conn *c) {
  ssize_t n = recv(c->fd, c->inbuf, sizeof c->inbuf, 0);
  if (n < 0 && (errno == EAGAIN /* || errno == EWOULDBLOCK */))
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: errno from 'recv' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK) /* || errno == EWOULDBLOCK */)){{$}}
    return 0;
  return n < 0 ? -1 : 1;
}

// --- Negative cases --------------------------------------------------------

// Both names in the same condition.
static int conn_fill_ok(struct conn *c) {
  ssize_t n = recv(c->fd, c->inbuf, sizeof c->inbuf, 0);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return 0;
  return n < 0 ? -1 : 1;
}

// The guarded form the fix writes is itself accepted.
static int conn_flush_ok(struct conn *c) {
  ssize_t n = send(c->fd, c->out, c->outlen, 0);
  if (n < 0 && (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)))
    return 0;
  return n < 0 ? -1 : 1;
}

// The second name is spread over a wider &&/|| condition.
static int read_ok(int fd, char *buf, size_t len) {
  ssize_t n = read(fd, buf, len);
  if (n < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)
    return -1;
  return 0;
}

// The second test only exists where the two differ: the preprocessor drops
// it here, but the condition's text still names EWOULDBLOCK.
static int conn_fill_guarded(struct conn *c) {
  ssize_t n = recv(c->fd, c->inbuf, sizeof c->inbuf, 0);
  if (n < 0 && (errno == EAGAIN
#if EWOULDBLOCK != EAGAIN
                || errno == EWOULDBLOCK
#endif
                ))
    return 0;
  return n < 0 ? -1 : 1;
}

// A bare number is not a name the check reads.
static int read_numeric(int fd, char *buf, size_t len) {
  ssize_t n = read(fd, buf, len);
  if (n < 0 && errno == 11)
    return 0;
  return (int)n;
}

// Other error codes.
static int read_intr(int fd, char *buf, size_t len) {
  ssize_t n;
  do
    n = read(fd, buf, len);
  while (n < 0 && errno == EINTR);
  return (int)n;
}

// No call at all before the test: nothing is known about this errno.
static int errno_is_again(void) { return errno == EAGAIN; }

int run_all(int fd, struct conn *c);
int run_all(int fd, struct conn *c) {
  char buf[64];
  off_t off = 0;
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  int r = conn_fill(c) + conn_flush(c) + accept_one(fd) + drain(fd);
  r += (int)read_some(fd, buf, sizeof buf) + (int)write_all(fd, buf, 1);
  r += recv_would_block(fd, buf, sizeof buf);
  r += conn_fill_commented(c) + conn_fill_guarded(c);
  r += (int)pipe_to_socket(fd, c->fd, 64) + (int)file_to_socket(c->fd, fd, &off, 64);
  r += (int)recv_fds(c->fd, &msg);
  r += (int)header_then_file(c->fd, fd, &off, 64, buf, 1);
  r += read_file_blocking("/etc/hostname", buf, sizeof buf);
  r += read_fifo("/tmp/fifo", buf, sizeof buf);
  r += read_file_or_stdin(NULL, buf, sizeof buf);
  r += conn_fill_ok(c) + conn_flush_ok(c) + read_ok(fd, buf, sizeof buf);
  r += read_numeric(fd, buf, sizeof buf) + read_intr(fd, buf, sizeof buf);
  return r + errno_is_again();
}
