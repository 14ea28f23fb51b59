// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A socket library's setup call that takes the mode as a flag (libusual's
// socket_setup(sock, non_block), which pgbouncer calls with `true`), and
// its mode call under a name nbio's built-in list trusts only with the
// descriptor alone.
#include <fcntl.h>
#include <stdbool.h>

bool socket_setup(int sock, bool non_block) {
  if (fcntl(sock, F_SETFD, FD_CLOEXEC) < 0)
    return false;
  int fl = fcntl(sock, F_GETFL);
  if (fl < 0)
    return false;
  if (non_block)
    fl |= O_NONBLOCK;
  else
    fl &= ~O_NONBLOCK;
  return fcntl(sock, F_SETFL, fl) == 0;
}

bool socket_set_nonblocking(int sock, bool non_block) {
  int fl = fcntl(sock, F_GETFL);
  if (fl < 0)
    return false;
  return fcntl(sock, F_SETFL,
               non_block ? fl | O_NONBLOCK : fl & ~O_NONBLOCK) == 0;
}
