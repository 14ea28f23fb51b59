/* conn.c with a wrapper whose name does not say that it makes the fd
 * non-blocking: only its body, in net_setup.h, does.  clang-tidy reads that
 * body; clangd skipped it when it built the preamble, so it cannot
 * (../../preamble-wrapper-body.test).  Lines are conn.c's, and so are the
 * columns of the findings. */
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

#include "net_setup.h"

int read_request(int fd, char *buf, size_t cap) {
  if (tune_socket(fd) < 0)
    return -1;
  ssize_t n = read(fd, buf, cap);
  if (n < 0) {
    close(fd);
    return -1;
  }
  return (int)n;
}

ssize_t read_reply(int fd, char *buf, size_t cap) {
  ssize_t got;
  tune_socket(fd);
  do {
    got = read(fd, buf, cap);
  } while (got < 0 && errno == EAGAIN);
  return got;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
