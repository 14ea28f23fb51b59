// Issue 14, defect 3: an #ifdef inside a do/while condition the fix copies.
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t pull(int fd, char *buf, size_t cap) {
  ssize_t n;
  do { n = read(fd, buf, cap); } while (n < 0 && (errno == EAGAIN
#ifdef EINTR
                                                  || errno == EINTR
#endif
                                                  ));
  return n;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
