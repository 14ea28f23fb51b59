/* Opened in Neovim through nbio-clangd by the tests in test/editor/.
 * Three findings: a read whose EAGAIN closes the connection (the fd became
 * non-blocking in a wrapper defined in net_setup.h), a loop that retries a
 * read on EAGAIN at once, and its EAGAIN-only test.  The tests pin lines and
 * columns: keep them where they are. */
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

#include "net_setup.h"

int read_request(int fd, char *buf, size_t cap) {
  if (set_nonblocking(fd) < 0)
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
  set_nonblocking(fd);
  do {
    got = read(fd, buf, cap);
  } while (got < 0 && errno == EAGAIN);
  return got;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
