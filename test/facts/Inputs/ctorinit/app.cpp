// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Wraps a socket made non-blocking here in a Conn.
#include "conn.h"
#include <sys/socket.h>

long hello() {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  Conn c(s);
  return c.put("", "hello\n", 6);
}
