// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

int open_ctl(const char *path);
int open_fast(const char *path);
int open_udp(const char *path);

int fetch_fast(const char *path, char *buf, size_t n) {
  int fd = open_fast(path);
  ssize_t r = read(fd, buf, n);
  if (r <= 0) {
    close(fd);
    return -1;
  }
  return (int)r;
}

// Look-alike: the control connection is blocking.
int fetch_ctl(const char *path, char *buf, size_t n) {
  int fd = open_ctl(path);
  ssize_t r = read(fd, buf, n);
  if (r <= 0) {
    close(fd);
    return -1;
  }
  return (int)r;
}

// A short send is taken for a failure: on the stream socket of open_fast
// that drops a busy peer; on the datagram socket of open_udp a send is
// whole or fails, so the look-alike stays quiet.
int push_stream(const char *path, const char *buf, size_t n) {
  int fd = open_fast(path);
  ssize_t r = send(fd, buf, n, 0);
  if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return 0;
  if (r != (ssize_t)n) {
    close(fd);
    return -1;
  }
  return 1;
}

int push_datagram(const char *path, const char *buf, size_t n) {
  int fd = open_udp(path);
  ssize_t r = send(fd, buf, n, 0);
  if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return 0;
  if (r != (ssize_t)n) {
    close(fd);
    return -1;
  }
  return 1;
}
