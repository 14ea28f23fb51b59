// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A header of a Linux-only file: other files, built elsewhere, include it
// too, so its EAGAIN-only test is still a portability bug. Tests copy it
// first: the check's fix-it edits it.

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>

static inline ssize_t ring_read_some(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t r = recv(fd, buf, n, 0);
  if (r < 0 && errno == EAGAIN)
    return 0;
  return r;
}
