// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Another program of the same project with its own limit_send_wait(),
// which only sizes the send buffer: which one a caller gets depends on
// the program it is linked into.
#include <sys/socket.h>

void limit_send_wait(int sock, long usec) {
  int bytes = (int)(usec / 1000);
  setsockopt(sock, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
}
