// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The parent: each child's channel is a blocking socketpair; one helper
// gets a blocking end, the other a non-blocking one.
#include "proc.h"
#include <sys/socket.h>

int start_all(void) {
  int chld[2], dns[2], h1[2], h2[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, chld) == -1)
    return -1;
  start_child("ntp", chld[1]);
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, dns) == -1)
    return -1;
  start_child("dns", dns[1]);
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, h1) == -1)
    return -1;
  start_helper(h1[1]);
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, h2) == -1)
    return -1;
  start_helper(h2[1]);
  int lg[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, lg) == -1)
    return -1;
  start_logger(lg[1]);
  return 0;
}
