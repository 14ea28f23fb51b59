// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The descriptor-mode helpers of a small library, under names that say
// nothing about blocking.
#include <fcntl.h>

int fd_async(int fd, const char *who) {
  (void)who;
  int fl = fcntl(fd, F_GETFL);
  return fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int fd_sync(int fd) {
  int fl = fcntl(fd, F_GETFL);
  return fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}
