/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
#include "dialers/dialers.h"

#include <fcntl.h>

int dial_b(const struct sockaddr_in *sa) {
  int rc;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  rc = connect(fd, (const struct sockaddr *)sa, sizeof *sa);
  if (rc != 0) {
    close(fd);
    return -1;
  }
  return fd;
}
