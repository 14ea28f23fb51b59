// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// An ICMP socket of a type picked at run time, made non-blocking, and the
// send wrapper its callers in another file use: it gives sendto() the
// address the caller passes (fping's socket4.c).
#include <fcntl.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

int open_probe_socket(int *type) {
  *type = SOCK_RAW;
  int fd = socket(AF_INET, *type, IPPROTO_ICMP);
  if (fd < 0)
    return -1;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

ssize_t send_probe(int s, const struct sockaddr *to, socklen_t tolen,
                   const void *pkt, size_t len) {
  return sendto(s, pkt, len, 0, to, tolen);
}
