// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A proxy's upstream connections, kept in a struct whose descriptor field
// holds non-blocking peers elsewhere in the file (peer_accept).

#define _GNU_SOURCE
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int Socket(int domain, int type, int protocol);
int AsyncSocket(int domain, int type, int protocol);
int SocketExtra(int domain, int type, int protocol);

struct upstream {
  int fd;
};

static void upstream_init(struct upstream *u, int fd) { u->fd = fd; }

static int upstream_send(struct upstream *u, const char *s) {
  return (int)send(u->fd, s, strlen(s), 0);
}

void peer_accept(int lfd, struct upstream *peer) {
  peer->fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
}

// Quiet with the facts: Socket() returns socket()'s stream socket as it
// came, blocking.
int forward(void) {
  struct upstream up;
  upstream_init(&up, Socket(AF_INET, SOCK_STREAM, 0));
  if (upstream_send(&up, "GET / HTTP/1.0\r\n\r\n") < 0) {
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}

// Reported: the flags ask for a non-blocking socket.
int forward_flagged(void) {
  struct upstream up;
  upstream_init(&up, Socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
  if (upstream_send(&up, "GET / HTTP/1.0\r\n\r\n") < 0) {
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}

// Reported: AsyncSocket() makes the socket non-blocking before returning.
int forward_async(void) {
  struct upstream up;
  upstream_init(&up, AsyncSocket(AF_INET, SOCK_STREAM, 0));
  if (upstream_send(&up, "GET / HTTP/1.0\r\n\r\n") < 0) {
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}

// Reported: the type is whatever the caller passes.
int forward_typed(int type) {
  struct upstream up;
  upstream_init(&up, Socket(AF_INET, type, 0));
  if (upstream_send(&up, "GET / HTTP/1.0\r\n\r\n") < 0) {
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}

// Reported: the wrapper ors the type with flags set at run time.
int forward_extra(void) {
  struct upstream up;
  upstream_init(&up, SocketExtra(AF_INET, SOCK_STREAM, 0));
  if (upstream_send(&up, "GET / HTTP/1.0\r\n\r\n") < 0) {
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}

// Reported: the project's own constant holds SOCK_NONBLOCK.
enum { ASYNC_STREAM = SOCK_STREAM | SOCK_NONBLOCK };

int forward_enum(void) {
  struct upstream up;
  upstream_init(&up, Socket(AF_INET, ASYNC_STREAM, 0));
  if (upstream_send(&up, "GET / HTTP/1.0\r\n\r\n") < 0) {
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}
