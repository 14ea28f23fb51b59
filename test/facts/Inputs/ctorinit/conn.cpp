// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Dials a blocking socket and sends over the one an object keeps,
// retrying on EAGAIN at once: a spin only if the socket is non-blocking.
#include "conn.h"
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int dial(const char *path) {
  sockaddr_un su;
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s == -1)
    return -1;
  std::memset(&su, 0, sizeof su);
  su.sun_family = AF_UNIX;
  std::strncpy(su.sun_path, path, sizeof su.sun_path - 1);
  if (connect(s, reinterpret_cast<sockaddr *>(&su), sizeof su) == -1) {
    close(s);
    return -1;
  }
  return s;
}

long Conn::put(const char *path, const char *b, std::size_t n) {
  long nb;
  if (fd_ == -1 && (fd_ = dial(path)) == -1)
    return -1;
  while ((nb = write(fd_, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}

long Dialed::put(const char *b, std::size_t n) {
  long nb;
  while ((nb = write(fd_, b, n)) == -1) {
    if (errno == EAGAIN || errno == EINTR)
      continue;
    return -2;
  }
  return nb;
}
