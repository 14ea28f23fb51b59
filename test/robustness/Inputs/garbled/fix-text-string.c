#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t pull(int fd, char *buf, size_t cap, const char *mode) {
  ssize_t n;
  do { n = read(fd, buf, cap); if (n < 0 && errno == EAGAIN && strcmp(mode, "keep going") == 0) { struct pollfd wait_pfd = {fd, POLLIN, 0}; (void)poll(&wait_pfd, 1, -1); } } while (n < 0 && (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)) && strcmp(mode, "keep    going") == 0);
  return n;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
