// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Readers that retry at once on EAGAIN, each on a descriptor another
// file's helper returns.
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

int make_socket(int domain, int type, int protocol);
int make_socket_cloexec(int domain, int type);
int make_stream(int domain);
int make_copy(int fd);

// The type asks for a non-blocking socket: the retry spins.
ssize_t link_read(char *buf, size_t n) {
  int fd = make_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  ssize_t r;
  while ((r = read(fd, buf, n)) < 0 && errno == EAGAIN)
    ;
  return r;
}

// The same through a local that adds a flag to the type.
ssize_t link_read_cloexec(char *buf, size_t n) {
  int fd = make_socket_cloexec(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK);
  ssize_t r;
  while ((r = read(fd, buf, n)) < 0 && errno == EAGAIN)
    ;
  return r;
}

// A copy of a descriptor whose mode this file cannot see.
ssize_t copy_read(int orig, char *buf, size_t n) {
  int fd = make_copy(orig);
  ssize_t r;
  while ((r = read(fd, buf, n)) < 0 && errno == EAGAIN)
    ;
  return r;
}

// Look-alike: a plain blocking stream socket without a timeout never
// fails with EAGAIN, so this retry is dead code, not a spin.
ssize_t stream_read(char *buf, size_t n) {
  int fd = make_stream(AF_UNIX);
  ssize_t r;
  while ((r = read(fd, buf, n)) < 0 && errno == EAGAIN)
    ;
  return r;
}
