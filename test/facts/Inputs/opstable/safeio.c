// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The safe-I/O library: safe_send only retries an interrupted send() and
// hands anything else back; polite_recv waits for the socket to be
// readable first, so it is more than a receive.
#include <errno.h>
#include <poll.h>
#include <sys/socket.h>

ssize_t safe_send(int fd, const void *buf, size_t len, int flags) {
  ssize_t res;
again:
  res = send(fd, buf, len, flags);
  if (res < 0 && errno == EINTR)
    goto again;
  return res;
}

ssize_t polite_recv(int fd, void *buf, size_t len) {
  struct pollfd p = {fd, POLLIN, 0};
  if (poll(&p, 1, 5000) <= 0)
    return -1;
  return recv(fd, buf, len, 0);
}
