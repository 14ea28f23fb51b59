// Issue 14, defect 3: a backslash-newline inside text the fixes copy.
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t pull(int fd, char *buf, size_t cap) {
  ssize_t n;
  do { n = read(fd, buf, cap); } while (n < 0 && \
                                        errno == EAGAIN);
  return n;
}

int drained(int fd, char *buf, size_t cap) {
  if (read(fd, buf, cap) < 0 && errno \
      == EAGAIN)
    return 1;
  return 0;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
