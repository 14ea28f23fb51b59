#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>

int recv_one(int fd, char *c) {
  ssize_t n;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  do {
    n = recv(fd, c, 1, 0);
  } while (n < 0 && errno == EAGAIN);
  return (int)n;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
