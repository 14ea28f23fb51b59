// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Another file writes on those channels and takes any failure, a short
// count aside, for the end of the helper. A datagram is sent whole or not
// at all; a stream write can be short.
#include "ctx.h"
#include <unistd.h>

int helper_send(struct helper_ctx *ctx, const void *buf, size_t len) {
  if (write(ctx->data_fd, buf, len) == -1)
    return -1;
  return 0;
}

int helper_command(struct helper_ctx *ctx, const void *buf, size_t len) {
  if (write(ctx->ctl_fd, buf, len) == -1)
    return -1;
  return 0;
}
