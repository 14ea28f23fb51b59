// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Writes for a while, going on after a write that ran out of time: with a
// send timeout, EAGAIN says the send already waited that long.
#include "settings.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

long blast(int sock, const char *buf, size_t len, long want) {
  long total = 0;
  limit_send_wait(sock, 250000);
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

// A socket made non-blocking fails with EAGAIN at once, timeout or not:
// the same loop spins.
long blast_nonblocking(int sock, const char *buf, size_t len, long want) {
  long total = 0;
  fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK);
  limit_send_wait(sock, 250000);
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
