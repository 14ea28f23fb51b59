// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "tunnel.h"
#include <errno.h>
#include <unistd.h>

int pty_to_pppd(struct tunnel *t, const char *frame, size_t n) {
  if (write(t->pppd_pty, frame, n) == -1 && errno == EAGAIN)
    return 0;
  return 1;
}

int pty_to_peer(struct tunnel *t, const char *frame, size_t n) {
  if (write(t->peer, frame, n) == -1 && errno == EAGAIN)
    return 0;
  return 1;
}
