// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The accept side of a server: each client socket is accepted
// non-blocking here and handed to the protocol code of other files.
#define _GNU_SOURCE 1
#include <stddef.h>
#include <sys/socket.h>

void handle_client(int fd);
void log_client(int fd);
void handle_mixed(int fd);
void relay(int fd);

void serve(int listener) {
  int c = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
  handle_client(c);
  relay(c);
  handle_mixed(c);
}

// The admin port: clients accepted blocking.
void serve_admin(int listener) {
  int c = accept(listener, NULL, NULL);
  log_client(c);
  handle_mixed(c);
}
