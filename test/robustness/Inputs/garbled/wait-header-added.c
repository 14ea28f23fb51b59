// Issue 14, defect 7: the busy-wait fix with WaitForm custom and the
// WaitHeader option of wait-header-empty.test.
#include <busy-ev.h>
#if EWOULDBLOCK != EAGAIN
#endif
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t pull(int fd, char *buf, size_t cap) {
  ssize_t n;
  do {
    n = read(fd, buf, cap);
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
