// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Both functions take any count but the whole message for a failure.
#include <sys/socket.h>
#include <sys/types.h>

int probe_send(int fd, const char *msg, size_t len) {
  ssize_t n = send(fd, msg, len, 0);
  if (n == (ssize_t)len)
    return 0;
  return -1;
}

int request_send(int fd, const char *msg, size_t len) {
  ssize_t n = send(fd, msg, len, 0);
  if (n == (ssize_t)len)
    return 0;
  return -1;
}
