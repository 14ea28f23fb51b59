// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <sys/ioctl.h>

/* Socket options every connection gets. */
void apply_sock_opts(int fd) {
  int on = 1;
  ioctl(fd, FIONBIO, &on);
}
