// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The protocol code: it reads a request and drops the client on any
// failure, EAGAIN included. Whether that is a bug depends on what the
// other files pass.
#include <unistd.h>

static char buf[512];

// Every call (session.c) passes a socket accepted non-blocking.
void handle_client(int fd) {
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0) {
    close(fd);
    return;
  }
}

// Every call comes through relay() (relay.c), whose every call passes a
// non-blocking socket.
void handle_relay(int fd) {
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0) {
    close(fd);
    return;
  }
}

// Look-alike: every call passes a socket accepted blocking.
void log_client(int fd) {
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0) {
    close(fd);
    return;
  }
}

// Look-alike: one call passes a non-blocking socket, another a blocking
// one; as for a static function in one file, every call must agree.
void handle_mixed(int fd) {
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0) {
    close(fd);
    return;
  }
}
