// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
int retry(int fd, char *b) {
  ssize_t r;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  do {
    r = read(fd, b, 1);
  } while (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
  return (int)r;
}
