// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Socket tuning that ends with the other file's mode helpers: setters of
// setters (dante's setsockoptions() calling setnonblocking()).
#include <sys/socket.h>

int fd_async(int fd, const char *who);
int fd_sync(int fd);
void log_fd(int fd);

void tune_socket(int s) {
  int one = 1;
  setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  (void)fd_async(s, "tune_socket");
}

// A setter of a setter of a setter, in the same file.
void prepare_peer(int s) {
  log_fd(s);
  tune_socket(s);
}

void calm_socket(int s) { fd_sync(s); }

// The mode picked by the caller's flag: the summary cannot name it.
void tune_maybe(int s, int async) {
  if (async)
    fd_async(s, "tune_maybe");
}

// Reuses the parameter for a socket of its own first.
void tune_fresh(int s) {
  s = socket(AF_INET, SOCK_STREAM, 0);
  fd_async(s, "tune_fresh");
  log_fd(s);
}

// A static helper between: its file knows it hands the socket on, but the
// summary speaks only of visible functions (see the FIXME in the test).
static void tune_inner(int s) { fd_async(s, "tune_inner"); }
void tune_via_static(int s) { tune_inner(s); }
