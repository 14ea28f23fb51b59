// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Socket options applied in one place, under names that say nothing about
// the mode.
#include <sys/ioctl.h>

void apply_sock_opts(int fd) {
  int on = 1;
  ioctl(fd, FIONBIO, &on);
}

void restore_sock_opts(int fd) {
  int off = 0;
  ioctl(fd, FIONBIO, &off);
}
