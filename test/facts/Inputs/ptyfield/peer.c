// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#define _GNU_SOURCE 1
#include "tunnel.h"
#include <sys/socket.h>

int peer_connect(struct tunnel *t) {
  t->peer = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return t->peer < 0 ? -1 : 0;
}
