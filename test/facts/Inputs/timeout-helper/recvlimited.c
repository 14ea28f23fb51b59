// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A receive timeout says nothing of how long a write may wait.
#include "settings.h"
#include <errno.h>
#include <unistd.h>

long blast_recv_limited(int sock, const char *buf, size_t len, long want) {
  long total = 0;
  limit_recv_wait(sock, 250000);
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
