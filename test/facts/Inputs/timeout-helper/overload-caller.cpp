// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Calls the overload that sizes the buffer, then retries writes on EAGAIN.
#include <cerrno>
#include <cstddef>
#include <unistd.h>

namespace opts {
void limit(int sock, long usec);
void limit(int sock, int bytes);
} // namespace opts

long blast_sized(int sock, const char *buf, size_t len, long want) {
  long total = 0;
  opts::limit(sock, 1 << 16);
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

// The overload that sets the send timeout: EAGAIN here says the write
// waited that long, but the facts cannot tell the overloads apart.
long blast_timed(int sock, const char *buf, size_t len, long want) {
  long total = 0;
  opts::limit(sock, 250000L);
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
