// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// Reduced from mini-httpd's file sender: a static wrapper calls Linux's
// four-argument sendfile() (the BSDs' seven-argument form under #else),
// and the loop around it sleeps and tries again on EINTR or EAGAIN alone.
// Through the wrapper the errno is still Linux's sendfile's (or a BSD's),
// where EAGAIN and EWOULDBLOCK are one value: not reported, as a direct
// call is not. The same shape around a portable write() still is, and so
// is a wrapper whose text, skipped branches included, calls anything else.

#define _GNU_SOURCE 1
#define HAVE_LINUX_SENDFILE 1
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

static ssize_t file_chunk(int file, int sock, off_t at, size_t n) {
#ifdef HAVE_LINUX_SENDFILE
  off_t pos = at;
  return sendfile(sock, file, &pos, n);
#else
  int r = sendfile(file, sock, at, n, NULL, NULL, 0);
  return r == 0 ? (ssize_t)n : r;
#endif
}

void copy_file_to_peer(int file, int sock, off_t size) {
  off_t at = 0;
  while (at < size) {
    ssize_t r = file_chunk(file, sock, at, 65536);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) {
      sleep(1);
      continue;
    }
    if (r <= 0)
      return;
    at += r;
  }
}

// Two layers down to splice(): the errno is still a Linux-only call's.
static ssize_t pipe_into(int rd, int sock, size_t n) {
  return splice(rd, NULL, sock, NULL, n, SPLICE_F_MOVE);
}
static ssize_t pipe_into_all(int rd, int sock, size_t n) {
  return pipe_into(rd, sock, n);
}

int relay_pipe(int rd, int sock) {
  ssize_t r = pipe_into_all(rd, sock, 4096);
  if (r < 0 && errno == EAGAIN)
    return 0;
  return r < 0 ? -1 : 1;
}

// Twin: the same wrapper around write(), which any platform has: reported.
static ssize_t buf_chunk(int sock, const char *buf, size_t n) {
  return write(sock, buf, n);
}

void copy_buffer_to_peer(int sock, const char *buf, size_t len) {
  size_t at = 0;
  while (at < len) {
    ssize_t r = buf_chunk(sock, buf + at, len - at);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) {
      // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: errno from 'buf_chunk' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (r < 0 && (errno == EINTR || (errno == EAGAIN ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                                     (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)))) {{{$}}
      sleep(1);
      continue;
    }
    if (r <= 0)
      return;
    at += (size_t)r;
  }
}

// Twins: a wrapper whose other branch, skipped here, copies with a portable
// write() (the code built where the two names may differ), one that falls
// back to write() after the #endif, and one whose other branch calls a
// six-argument sendfile (macOS's form, and HP-UX's, where EWOULDBLOCK is
// not EAGAIN): reported.
static ssize_t chunk_or_copy(int file, int sock, off_t at, size_t n) {
#ifdef HAVE_LINUX_SENDFILE
  off_t pos = at;
  return sendfile(sock, file, &pos, n);
#else
  char buf[4096];
  ssize_t got = pread(file, buf, n < sizeof buf ? n : sizeof buf, at);
  return got <= 0 ? got : write(sock, buf, (size_t)got);
#endif
}

int send_chunk_or_copy(int file, int sock, off_t at) {
  ssize_t r = chunk_or_copy(file, sock, at, 4096);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'chunk_or_copy' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return r < 0 ? -1 : 1;
}

static ssize_t chunk_then_write(int file, int sock, off_t at, size_t n,
                                int plain, const char *buf) {
  off_t pos = at;
  if (!plain)
    return sendfile(sock, file, &pos, n);
  return write(sock, buf, n);
}

int send_chunk_then_write(int file, int sock, off_t at, const char *buf) {
  ssize_t r = chunk_then_write(file, sock, at, 4096, 0, buf);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'chunk_then_write' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return r < 0 ? -1 : 1;
}

static ssize_t chunk_six(int file, int sock, off_t at, size_t n) {
#ifdef HAVE_LINUX_SENDFILE
  off_t pos = at;
  return sendfile(sock, file, &pos, n);
#else
  off_t len = (off_t)n;
  return sendfile(file, sock, at, &len, NULL, 0) == 0 ? (ssize_t)len : -1;
#endif
}

int send_chunk_six(int file, int sock, off_t at) {
  ssize_t r = chunk_six(file, sock, at, 4096);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'chunk_six' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return r < 0 ? -1 : 1;
}
