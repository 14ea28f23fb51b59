// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "privsep.h"
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

int priv_read(char *s, size_t n) {
  for (;;) {
    ssize_t r = read(priv_fd(), s, n);
    if (r == -1 && (errno == EINTR || errno == EAGAIN))
      continue;
    return (int)r;
  }
}

int peer_read(char *s, size_t n) {
  for (;;) {
    ssize_t r = read(peer_fd(), s, n);
    if (r == -1 && (errno == EINTR || errno == EAGAIN))
      continue;
    return (int)r;
  }
}

int cb_read(char *s, size_t n) {
  for (;;) {
    ssize_t r = read(cb_fd(), s, n);
    if (r == -1 && (errno == EINTR || errno == EAGAIN))
      continue;
    return (int)r;
  }
}
