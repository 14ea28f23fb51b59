// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <stddef.h>

struct helper_ctx {
  int data_fd; // an end of a datagram socketpair
  int ctl_fd;  // an end of a stream socketpair
};

int helper_start(struct helper_ctx *ctx);
int helper_send(struct helper_ctx *ctx, const void *buf, size_t len);
int helper_command(struct helper_ctx *ctx, const void *buf, size_t len);
