// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Every call of priv_set_fd() passes an end of a plain socketpair();
// peer_set_fd() gets one here and a non-blocking socket in fast.c;
// cb_set_fd() gets one here, but its address goes to an event loop too.
#include "privsep.h"
#include <sys/socket.h>

int setup(void) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0)
    return -1;
  priv_set_fd(pair[1]);
  peer_set_fd(pair[0]);
  cb_set_fd(pair[0]);
  on_ready(cb_set_fd);
  return 0;
}
