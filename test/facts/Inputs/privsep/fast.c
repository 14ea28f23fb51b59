// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "privsep.h"
#include <sys/socket.h>

void fast_peer(void) {
  peer_set_fd(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
}
