#ifndef SHARED_H
#define SHARED_H
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static inline int shared_try_read(int fd, char *c) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (read(fd, c, 1) < 0 && errno == EAGAIN)
    return 0;
  return 1;
}
#endif
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
