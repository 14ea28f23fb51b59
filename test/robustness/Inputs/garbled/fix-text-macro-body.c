// Issue 14, make fuzz: a macro-body fix that changed the code it kept (`==`
// became `!=`): fix_keeps_text.py must still reject it.
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

#define ERR_IS_AGAIN(e) ((e) != EAGAIN || (EWOULDBLOCK != EAGAIN && (e) == EWOULDBLOCK)) /* "not" EWOULDBLOCK */
#define CHECK_IO(n)                                                            \
  do {                                                                         \
    if ((n) < 0 && errno != EWOULDBLOCK)                                       \
      return -1;                                                               \
  } while (0)

int pull(int fd, char *buf, size_t cap) {
  ssize_t n = read(fd, buf, cap);
  int err = errno;
  if (n < 0 && ERR_IS_AGAIN(err))
    return 0;
  return (int)n;
}

int push(int fd, const char *buf, size_t len) {
  ssize_t n = write(fd, buf, len);
  CHECK_IO(n);
  return (int)n;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
