// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The event loop: it waits for writability and calls the handler.
#include <poll.h>

void loop_watch_writable(int fd, void (*ready)(int fd)) {
  struct pollfd p = {fd, POLLOUT, 0};
  if (poll(&p, 1, -1) > 0)
    ready(fd);
}
