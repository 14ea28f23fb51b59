// The check warns here, but the file has no CHECK-MESSAGES line.
#include <fcntl.h>
#include <unistd.h>
void f(int fd) {
  char b[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, sizeof b);
  if (n <= 0) {
    close(fd);
    return;
  }
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
