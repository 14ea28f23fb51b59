// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A server that opens every file with O_NONBLOCK (lighttpd's
// fdevent_open_cloexec() adds it to each open()) and reads one only after
// fstat() says it is a regular file: O_NONBLOCK does nothing to a regular
// file, whose read never fails with EAGAIN. Today the analysis takes the
// open's flag and does not read the S_ISREG test, so the read is reported
// (lighttpd's WebDAV copy, mod_webdav.c, through a copy helper).
// FIXME: a descriptor tested to be a regular file on every path to the
// call should count as one that cannot fail with EAGAIN; the twin on a
// descriptor that is not tested (it may be a FIFO) must stay reported.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// Reads the file's head and keeps it open for the rest.
int open_head(const char *src, char *buf, unsigned len, int *out) {
  struct stat st;
  int fd = open(src, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return -1;
  }
  ssize_t n = read(fd, buf, len);
  // FIXME: a regular file; not a finding once S_ISREG is read.
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    close(fd);
    return -1;
  }
  *out = fd;
  return (int)n;
}

// Twin: not tested; the path may name a FIFO, whose read fails with EAGAIN.
int open_any_head(const char *src, char *buf, unsigned len, int *out) {
  int fd = open(src, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  ssize_t n = read(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    close(fd);
    return -1;
  }
  *out = fd;
  return (int)n;
}
