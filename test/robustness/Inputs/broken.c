#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

void reader(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (read(fd, b, 1) <= 0)
    close(fd);
}

void spins(int fd, char *b) {
  do {
    if (read(undeclared_fd, b, 1) < 0 && errno == EAGAIN)
      continue;
  } while (1)
}

void half(int fd {
  while (read(fd, 0, 1) < 0 && errno == EAGAIN
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
