// Issue 14, make fuzz (LLVM 22, seed 2214): the busy-wait fix replaced the
// text between a loop's `)` and its empty body's `;`, and between an `if`'s
// `)` and a `continue` on the same line, with its block: a comment there
// was lost, and a preprocessor line there left an #ifdef without its #else.
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t spin(int fd, char *buf, size_t len) {
  ssize_t n;
  for (;;) {
    n = read(fd, buf, len);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) /* again */ continue;
    return n;
  }
}

ssize_t spin2(int fd, char *buf, size_t len) {
  ssize_t n;
  while ((n = read(fd, buf, len)) < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) /* spin */
    ;
  return n;
}

ssize_t spin3(int fd, char *buf, size_t len) {
  ssize_t n;
  while ((n = read(fd, buf, len)) < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) // spin
    ;
  return n;
}

ssize_t spin4(int fd, char *buf, size_t len) {
  ssize_t n;
  while ((n = read(fd, buf, len)) < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
#ifdef SPIN_QUIETLY
    ;
#else
    ;
#endif
  return n;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
