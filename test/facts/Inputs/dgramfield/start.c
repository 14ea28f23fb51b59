// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A privilege-separated helper's channels, made in one file: a datagram
// socketpair for packets (dhcpcd's ps_data_fd, privsep-root.c) and a
// stream socketpair for commands, both non-blocking.
#include "ctx.h"
#include <sys/socket.h>

int helper_start(struct helper_ctx *ctx) {
  int data[2], ctl[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, data) == -1)
    return -1;
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, ctl) == -1)
    return -1;
  ctx->data_fd = data[1];
  ctx->ctl_fd = ctl[1];
  return 0;
}
