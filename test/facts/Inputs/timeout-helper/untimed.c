// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The same loops in files that ask for no send timeout: one tunes the
// buffers only, the other limits how long a receive may wait. Here EAGAIN
// from write says the socket would block, and the loop asks again at once.
#include "settings.h"
#include <errno.h>
#include <unistd.h>

long blast_untimed(int sock, const char *buf, size_t len, long want) {
  long total = 0;
  tune_buffers(sock, 1 << 16);
  while (total < want) {
    ssize_t n = write(sock, buf, len);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        continue;
      return -1;
    }
    total += n;
  }
  return total;
}
