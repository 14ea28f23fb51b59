// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

void settle(int attempt);
void note_retry(int attempt);

ssize_t read_settling(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  int attempt = 0;
  for (;;) {
    ssize_t r = read(fd, buf, n);
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      settle(attempt);
      continue;
    }
    return r;
  }
}

// Look-alike: the helper of the other file only counts.
ssize_t read_noting(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  int attempt = 0;
  for (;;) {
    ssize_t r = read(fd, buf, n);
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      note_retry(attempt);
      continue;
    }
    return r;
  }
}
