#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t pull(int fd, char *buf, size_t cap) {
  ssize_t n;
  do {
    n = read(fd, buf, cap);
    if (n < 0 && // empty: try again errno == EAGAIN) {
      struct pollfd wait_pfd = {fd, POLLIN, 0};
      (void)poll(&wait_pfd, 1, -1);
    }
  } while (n < 0 && // empty: try again
           (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)));
  return n;
}

ssize_t pull_compact(int fd, char *buf, size_t cap) {
  ssize_t n;
  do { n = read(fd, buf, cap); if (n < 0 && /* empty */ errno == EAGAIN) { struct pollfd wait_pfd = {fd, POLLIN, 0}; (void)poll(&wait_pfd, 1, -1); } } while (n < 0 && /* empty */ (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)));
  return n;
}

int drained(int fd, char *buf, size_t cap) {
  if (read(fd, buf, cap) < 0 && (errno == // nothing yet EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)))
    return 1;
  return 0;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
