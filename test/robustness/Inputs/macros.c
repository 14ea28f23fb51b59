#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#define CAT(a, b) a##b
#define IO(name) CAT(re, name)
#define SPIN_RECV(fd, b)                                                       \
  do {                                                                         \
  } while (recv(fd, b, 1, 0) < 0 && errno == EAGAIN)
#define AGAIN_OR_BLOCK(e) ((e) == EAGAIN || (e) == EWOULDBLOCK)

int pasted(int fd, char *b) {
  ssize_t n = IO(ad)(fd, b, 1);
  if (n < 0 && AGAIN_OR_BLOCK(errno))
    return 0;
  return (int)n;
}

void in_macro(int fd, char *b) {
  fd = fd + 0;
  SPIN_RECV(fd, b);
}

int split(int fd, char *b) {
  ssize_t n =
      read(
          fd,
          b, 1);
  return (int)n;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
