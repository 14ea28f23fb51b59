// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A preload library's interposer (after dante's libdsocks): the project
// defines write() itself, for other programs to load in front of the C
// library, and hands the call to writev().
#include <sys/uio.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n) {
  struct iovec v = {(void *)buf, n};
  return writev(fd, &v, 1);
}
