// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// A file opened without O_NONBLOCK, then only seeked, synced, truncated or
// asked about (lseek, fsync, ftruncate, fstat...), is still blocking: a
// read of it never fails with EAGAIN, and a retry on EAGAIN is dead code,
// not a spin (reduced from openssh's sftp upload, which resumes a transfer
// by seeking in the local file and retries its reads on EAGAIN). Twin: the
// same file handed to a function whose body is out of view, which may
// make it non-blocking.

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
// CHECK-FIXES: {{^}}#include <poll.h>{{$}}
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

int upload(const char *path, off_t resume_at, char *buf, size_t n) {
  struct stat sb;
  ssize_t len;
  int fd = open(path, O_RDONLY);
  if (fd == -1)
    return -1;
  if (fstat(fd, &sb) == -1 || lseek(fd, resume_at, SEEK_SET) == -1) {
    close(fd);
    return -1;
  }
  do
    len = read(fd, buf, n);
  while (len == -1 && (errno == EINTR || errno == EAGAIN));
  close(fd);
  return len < 0 ? -1 : 0;
}

int log_upload(const char *path, char *buf, size_t n) {
  ssize_t len;
  int fd = open(path, O_WRONLY | O_APPEND);
  if (fd == -1)
    return -1;
  if (ftruncate(fd, 0) == -1 || fsync(fd) == -1) {
    close(fd);
    return -1;
  }
  do
    len = write(fd, buf, n);
  while (len == -1 && errno == EAGAIN);
  close(fd);
  return len < 0 ? -1 : 0;
}

// Twin.
void prepare_file(int fd); // elsewhere: may well set O_NONBLOCK

int upload_prepared(const char *path, char *buf, size_t n) {
  ssize_t len;
  int fd = open(path, O_RDONLY);
  if (fd == -1)
    return -1;
  prepare_file(fd);
  do
    len = read(fd, buf, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-FIXES: {{^}}    { len = read(fd, buf, n); if (len == -1 && (errno == EINTR || errno == EAGAIN)) { struct pollfd wait_pfd = {fd, POLLIN, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  while (len == -1 && (errno == EINTR || errno == EAGAIN));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  close(fd);
  return len < 0 ? -1 : 0;
}
