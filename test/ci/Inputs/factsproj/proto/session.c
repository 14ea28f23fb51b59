// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

void apply_sock_opts(int fd);

int session_start(void) {
  char hello[16];
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  apply_sock_opts(fd);
  if (read(fd, hello, sizeof hello) <= 0) {
    close(fd);
    return -1;
  }
  return fd;
}
