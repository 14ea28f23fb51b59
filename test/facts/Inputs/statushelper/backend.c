// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

int conn_status(int fd);

int backend_open(const struct sockaddr_in *to) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, (const struct sockaddr *)to, sizeof *to) < 0 &&
      errno != EINPROGRESS)
    return -1;
  struct pollfd p = {fd, POLLOUT, 0};
  if (poll(&p, 1, 1000) <= 0 || conn_status(fd) != 0)
    return -1;
  return fd;
}
