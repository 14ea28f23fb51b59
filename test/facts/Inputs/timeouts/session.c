// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Sends over the session's socket, retrying on EAGAIN (tested alone).
#include "dial.h"
#include <errno.h>
#include <unistd.h>

long session_send(struct session *s, const char *path, const char *b,
                  size_t n) {
  long nb;
  if (s->fd == -1 && (s->fd = dial(path)) == -1)
    return -1;
  while ((nb = write(s->fd, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}
