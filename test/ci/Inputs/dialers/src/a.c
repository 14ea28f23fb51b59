/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
#include "dialers/dialers.h"

#include <stdio.h>

/* Logs why a connection failed. */
int dial_a(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) == -1) {
    perror("dial_a");
    close(fd);
    return -1;
  }
  return fd;
}
