#include "nbq/stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Starts a TCP connection to 127.0.0.1:port without blocking. */
int nbq_dial(const char *port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  struct sockaddr_in sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((unsigned short)atoi(port));
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* 1 when a byte was consumed, 0 when none is there, -1 on error. */
int nbq_skip_byte(int fd) {
  char c;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, &c, 1);
  if (n == 1)
    return 1;
  if (n < 0) {
    switch (errno) {
    case EAGAIN:
      return 0;
    default:
      return -1;
    }
  }
  return -1;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
