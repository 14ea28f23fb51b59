// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// O_NONBLOCK does nothing to a regular file: a write to one that fstat()
// and S_ISREG let through on every path is not cut short by a full buffer
// (a server that opens every file non-blocking, as lighttpd does, and
// appends to one only once it knows what it is). Twin: the same write to a
// path that may name a FIFO, never tested.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// The descriptor is handed back for the next records.
int append_record(const char *path, const char *rec, size_t len, int *out) {
  struct stat st;
  int fd = open(path, O_WRONLY | O_APPEND | O_NONBLOCK);
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return -1;
  }
  if (write(fd, rec, len) < 0)
    return -1;
  *out = fd;
  return 0;
}

// Twin: the path may name a FIFO, whose write is cut short when it is full.
int append_record_anywhere(const char *path, const char *rec, size_t len,
                           int *out) {
  int fd = open(path, O_WRONLY | O_APPEND | O_NONBLOCK);
  if (fd < 0)
    return -1;
  if (write(fd, rec, len) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the count is only tested for a failure here; a short count passes
    return -1;
  *out = fd;
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: after a short write the function returns here as if every byte was written
  return 0;
  // CHECK-MESSAGES: :35:12: note: 'open' creates a non-blocking descriptor here
}
