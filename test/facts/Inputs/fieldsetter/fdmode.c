// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The program's socket tuning, in a file of its own (pgbouncer's
// tune_socket() in util.c), and a helper that only logs a descriptor.
#include <fcntl.h>
#include <stdio.h>

int tune_socket(int fd) {
  int fl = fcntl(fd, F_GETFL);
  return fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

void log_socket(int fd) { fprintf(stderr, "socket %d\n", fd); }
