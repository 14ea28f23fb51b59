// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The only callers: plain blocking TCP sockets.
#include <sys/socket.h>
#include "tls.h"

int open_tls(struct tls_conn *c) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  return tls_open(fd, c);
}

int open_tls_leaky(struct tls_conn_leaky *c) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  return tls_open_leaky(fd, c);
}

int open_tls_timed(struct tls_conn_timed *c) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  return tls_open_timed(fd, c);
}
