// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Two overloads of one name: one sets the send timeout, the other the
// send buffer.
#include <sys/socket.h>
#include <sys/time.h>

namespace opts {
void limit(int sock, long usec) {
  struct timeval tv = {usec / 1000000, usec % 1000000};
  setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}
void limit(int sock, int bytes) {
  setsockopt(sock, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
}
} // namespace opts
