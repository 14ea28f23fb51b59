// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The program's own tuning, which hands the socket to the library's setup
// call with a constant flag (pgbouncer's tune_socket()), or with its
// caller's flag.
#include <stdbool.h>
#include <sys/socket.h>

bool socket_setup(int sock, bool non_block);

bool tune_socket(int sock) {
  if (!socket_setup(sock, true))
    return false;
  int one = 1;
  return setsockopt(sock, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one) == 0;
}

bool calm_socket(int sock) { return socket_setup(sock, false); }

bool tune_as(int sock, bool non_block) {
  return socket_setup(sock, non_block);
}
