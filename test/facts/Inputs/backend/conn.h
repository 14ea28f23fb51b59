// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A connection with a table of transport functions (after libmodbus's
// modbus_backend_t): the core calls the transport through the table and
// never sees the socket calls.
#include <sys/types.h>

struct conn;
struct transport {
  int (*open)(struct conn *c);
  ssize_t (*put)(struct conn *c, const unsigned char *b, int n);
  ssize_t (*get)(struct conn *c, unsigned char *b, int n);
};
struct conn {
  int sock;
  int quiet_sock;
  const struct transport *tr;
};
