/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
#ifndef DIALERS_DIALERS_H
#define DIALERS_DIALERS_H

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int dial_a(const struct sockaddr_in *sa);
int dial_b(const struct sockaddr_in *sa);

/* Dials without blocking; -1 when the connection failed. */
static inline int dialers_open(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

#endif
