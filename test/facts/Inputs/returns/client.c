// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <sys/types.h>
#include <unistd.h>

int open_ctl(const char *path);
int open_fast(const char *path);

int fetch_fast(const char *path, char *buf, size_t n) {
  int fd = open_fast(path);
  ssize_t r = read(fd, buf, n);
  if (r <= 0) {
    close(fd);
    return -1;
  }
  return (int)r;
}

// Look-alike: the control connection is blocking.
int fetch_ctl(const char *path, char *buf, size_t n) {
  int fd = open_ctl(path);
  ssize_t r = read(fd, buf, n);
  if (r <= 0) {
    close(fd);
    return -1;
  }
  return (int)r;
}
