// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The health checker: a UDP probe and a TCP request, each on a socket made
// non-blocking here and handed to the transport file.
#include <sys/socket.h>
#include <sys/types.h>

int probe_send(int fd, const char *msg, size_t len);
int request_send(int fd, const char *msg, size_t len);

int check_udp(const char *msg, size_t len) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  return probe_send(fd, msg, len);
}

int check_tcp(const char *msg, size_t len) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  return request_send(fd, msg, len);
}
