/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
/* A finding of the project's own check and one of nbio's. */
#include <errno.h>
#include <sys/socket.h>

int main(void) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), got = 0;
  char c;
  if (fd < 0)
    return 1;
  if (recv(fd, &c, 1, 0) < 0 && errno == EAGAIN)
    return got;
  return 1;
}
