// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Stores the accepted socket in the connection, then tunes it through the
// other file's setter: the field holds a non-blocking descriptor.
#include "conn.h"
#include <sys/socket.h>

int tune_socket(int fd);
void log_socket(int fd);

int conn_accept(struct conn *c, int sock) {
  c->sock = sock;
  return tune_socket(sock);
}

// Look-alikes: a helper that is no setter; a variable that names another
// socket by the time it is tuned.
void conn_plain(struct conn *c, int sock) {
  c->plain = sock;
  log_socket(sock);
}

int conn_spare(struct conn *c, int sock) {
  c->spare = sock;
  sock = socket(AF_INET, SOCK_STREAM, 0);
  return tune_socket(sock);
}
