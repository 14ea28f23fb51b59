// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Replies on sockets another file's helpers make with the type each call
// passes: non-blocking where the type names SOCK_NONBLOCK, so an EAGAIN
// that drops the reply is the bug it is with socket() itself; a datagram
// type's send is whole or fails, so only the stream's short count is lost.
#include <sys/socket.h>
#include <unistd.h>

int make_socket(int domain, int type, int protocol);
int make_socket_cloexec(int domain, int type);

int reply_stream(const char *msg, size_t n) {
  int fd = make_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd == -1)
    return -1;
  if (send(fd, msg, n, 0) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}

int reply_cloexec(const char *msg, size_t n) {
  int fd = make_socket_cloexec(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK);
  if (fd == -1)
    return -1;
  if (write(fd, msg, n) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Look-alike: the type asks for a blocking socket.
int reply_blocking(const char *msg, size_t n) {
  int fd = make_socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd == -1)
    return -1;
  if (send(fd, msg, n, 0) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}

// Look-alike for the short count: a datagram goes out whole or not at all.
int reply_datagram(const char *msg, size_t n) {
  int fd = make_socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (fd == -1)
    return -1;
  if (send(fd, msg, n, 0) < 0)
    return -1;
  return fd;
}

// Twin: the helper may make a stream whatever the caller's type, so the
// datagram type does not make the reply whole.
int make_socket_or_stream(int type, int tcp);
int reply_maybe_stream(const char *msg, size_t n, int tcp) {
  int fd = make_socket_or_stream(SOCK_DGRAM | SOCK_NONBLOCK, tcp);
  if (fd == -1)
    return -1;
  if (send(fd, msg, n, 0) < 0)
    return -1;
  return fd;
}
