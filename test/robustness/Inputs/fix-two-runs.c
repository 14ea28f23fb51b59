// Issue 14, defect 6: the busy-wait fix copies the do/while condition into
// an `if`; the EWOULDBLOCK check then rewrote the copy on the next --fix.
#include <errno.h>
#include <sys/types.h>
#include <sys/uio.h>

ssize_t push(int fd, const struct iovec *iov, int cnt) {
  ssize_t r;
  if (errno == EWOULDBLOCK)
    return -1;
  do {
    r = writev(fd, iov, cnt);
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
