// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Takes a peer's connection for the event channel, and sends the log
// to it: sockets both.
#define _GNU_SOURCE
#include "helper.h"
#include <sys/socket.h>
#include <unistd.h>

void adopt_peer(int listener) {
  daemon_state->eventfd = accept4(listener, 0, 0, SOCK_NONBLOCK);
  dup2(daemon_state->eventfd, daemon_state->logfd);
}
