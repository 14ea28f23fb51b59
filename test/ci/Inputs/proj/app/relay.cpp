// Copies what one stream receives to another.
#include "nbq/stream.h"

#include <cstddef>
#include <sys/socket.h>

namespace nbq {

class Relay {
public:
  Relay(int from, int to) {
    nbq_open(&in_, from);
    nbq_open(&out_, to);
  }

  // Moves one chunk; false once the input is closed or broken.
  bool pump() {
    char buf[512];
    ssize_t n;
    do {
      n = ::recv(in_.fd, buf, sizeof buf, 0);
    } while (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
    if (n <= 0)
      return false;
    return nbq_write_all(&out_, buf, static_cast<size_t>(n)) == 0;
  }

private:
  nbq_stream in_{};
  nbq_stream out_{};
};

} // namespace nbq

int nbq_relay_once(int from, int to) {
  nbq::Relay r(from, to);
  return r.pump() ? 0 : 1;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
