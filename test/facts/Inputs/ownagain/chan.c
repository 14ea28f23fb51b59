// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A message channel's receive (after openntpd's imsg_read): it gives up
// with EAGAIN of its own when the process is short of descriptors. Its
// plain twin only hands recv()'s failure back.
#include "chan.h"
#include <errno.h>
#include <sys/socket.h>

int chan_recv(int fd, void *buf, size_t len) {
  if (spare_fds() < 4) {
    errno = EAGAIN;
    return -1;
  }
  return (int)recv(fd, buf, len, 0);
}

int chan_plain_recv(int fd, void *buf, size_t len) {
  return (int)recv(fd, buf, len, 0);
}
