// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A server that opens every file with O_NONBLOCK (lighttpd's
// fdevent_open_cloexec() adds it to each open()) and reads one only after
// fstat() says it is a regular file: O_NONBLOCK does nothing to a regular
// file, whose read never fails with EAGAIN. A descriptor shown to be a
// regular file on every path to the call is not non-blocking (lighttpd's
// WebDAV copy, mod_webdav.c, through a copy helper). Twins: a descriptor
// not tested (it may name a FIFO), a test that one path goes around, a
// descriptor replaced after the test, and another descriptor's test.

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

// The test written the other way round, and the read in a loop inside
// it: quiet.
int copy_regular(const char *src, char *buf, unsigned len) {
  struct stat st;
  int fd = open(src, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    unsigned done = 0;
    while (done < len) {
      ssize_t n = read(fd, buf + done, len - done);
      if (n <= 0) {
        close(fd);
        return -1;
      }
      done += (unsigned)n;
    }
    close(fd);
    return (int)done;
  }
  close(fd);
  return -1;
}

// Twin: a failed fstat() goes on to the read untested; reported.
int open_head_unless_fifo(const char *src, char *buf, unsigned len) {
  struct stat st;
  int fd = open(src, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
    close(fd);
    return -1;
  }
  ssize_t n = read(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    close(fd);
    return -1;
  }
  close(fd);
  return (int)n;
}

// Twin: the variable names another descriptor after the test; reported.
int open_head_then_other(const char *src, const char *other, char *buf,
                         unsigned len) {
  struct stat st;
  int fd = open(src, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return -1;
  }
  close(fd);
  fd = open(other, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  ssize_t n = read(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    close(fd);
    return -1;
  }
  close(fd);
  return (int)n;
}

// Twin: the regular file is another descriptor; this one may be a FIFO.
int read_beside_file(int file, char *buf, unsigned len) {
  struct stat st;
  if (fstat(file, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  int fd = open("/run/feed", O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  ssize_t n = read(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n < 0) {
    close(fd);
    return -1;
  }
  close(fd);
  return (int)n;
}

// Each round tests the file it reads, then moves on to the next one: the
// store that replaces the descriptor comes after the read in the text but
// before the next round's fstat() on every path (the CFG decides, not the
// order of the lines). Quiet.
int sum_files(const char **paths, int count, char *buf, unsigned len) {
  struct stat st;
  int total = 0;
  int fd = open(paths[0], O_RDONLY | O_NONBLOCK);
  for (int i = 0; i < count && fd >= 0;) {
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      close(fd);
      return -1;
    }
    ssize_t n = read(fd, buf, len);
    if (n < 0) {
      close(fd);
      return -1;
    }
    total += (int)n;
    close(fd);
    fd = ++i < count ? open(paths[i], O_RDONLY | O_NONBLOCK) : -1;
  }
  return total;
}

// Twin: the test runs once, before the loop, and the loop replaces the
// descriptor at its end: from the second round on the read is on an
// untested descriptor (a FIFO, perhaps); reported.
int sum_files_tested_once(const char **paths, int count, char *buf,
                          unsigned len) {
  struct stat st;
  int total = 0;
  int fd = open(paths[0], O_RDONLY | O_NONBLOCK);
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  for (int i = 0; i < count && fd >= 0;) {
    ssize_t n = read(fd, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    if (n < 0) {
      close(fd);
      return -1;
    }
    total += (int)n;
    close(fd);
    fd = ++i < count ? open(paths[i], O_RDONLY | O_NONBLOCK) : -1;
  }
  return total;
}
