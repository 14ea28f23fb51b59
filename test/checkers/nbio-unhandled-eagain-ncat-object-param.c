// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain,nbio-partial-write

// ncat's HTTP proxy: each child fills a local `struct socket_buffer` with
// the connection accept() gave it (blocking on Linux: accept() does not
// pass on the listener's O_NONBLOCK) and hands `&sock` to helpers that
// take `struct socket_buffer *client`. Taken by type, the field is
// non-blocking (the relay's connections are made so); the object the
// helper's parameter points to is the caller's local, judged at every
// call. Twins still reported: a helper also given a non-blocking
// connection, one other files may call, one whose address is kept, one
// that points its parameter at another object, and one handed another
// struct's memory through a cast.

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct fdinfo {
  int fd;
};
struct socket_buffer {
  struct fdinfo fdn;
  char buffer[256];
};

static void buffer_init(struct socket_buffer *b, int fd) {
  b->fdn.fd = fd;
  b->buffer[0] = '\0';
}

static int reply(struct fdinfo *fdn, const char *s) {
  return (int)send(fdn->fd, s, strlen(s), 0);
}

static struct socket_buffer *shared_client;

// Quiet: `client` is the blocking `sock` of serve_one() alone.
static int forward(struct socket_buffer *client) {
  if (reply(&client->fdn, "HTTP/1.0 200 OK\r\n\r\n") < 0) {
    close(client->fdn.fd);
    return -1;
  }
  return 0;
}

// Quiet: two calls deep, still serve_one()'s `sock`.
static int greet(struct socket_buffer *client) {
  if (forward(client) < 0)
    return -1;
  return 0;
}

// Reported: serve_one() passes its blocking `sock`, relay_one() a
// non-blocking connection.
static int ack(struct socket_buffer *client) {
  if (reply(&client->fdn, "ack\r\n") < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'reply' on non-blocking fd 'client->fdn.fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'reply' on non-blocking fd 'client->fdn.fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(client->fdn.fd);
    return -1;
  }
  return 0;
}

// Reported: other files may call it with any connection.
int bye(struct socket_buffer *client) {
  if (reply(&client->fdn, "bye\r\n") < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'reply' on non-blocking fd 'client->fdn.fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'reply' on non-blocking fd 'client->fdn.fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(client->fdn.fd);
    return -1;
  }
  return 0;
}

// Reported: kept in a table, so called where this file cannot see.
static int deny(struct socket_buffer *client) {
  if (reply(&client->fdn, "HTTP/1.0 403 Forbidden\r\n\r\n") < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'reply' on non-blocking fd 'client->fdn.fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'reply' on non-blocking fd 'client->fdn.fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(client->fdn.fd);
    return -1;
  }
  return 0;
}
int (*const refusers[])(struct socket_buffer *) = {deny};

// Reported: the parameter is pointed at the shared connection first.
static int busy(struct socket_buffer *client) {
  if (shared_client != NULL)
    client = shared_client;
  if (reply(&client->fdn, "HTTP/1.0 503 Busy\r\n\r\n") < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'reply' on non-blocking fd 'client->fdn.fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'reply' on non-blocking fd 'client->fdn.fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(client->fdn.fd);
    return -1;
  }
  return 0;
}

// Reported: the caller hands another struct's memory through a cast; the
// `fd` read there is the relay pair's non-blocking `peer_fd`, not its
// blocking `fd`.
struct tagged {
  int tag;
  int fd;
};
struct relay_pair {
  int fd;
  int peer_fd;
};

void tagged_open(struct tagged *t, int lfd) {
  t->fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
}

static int shout(struct tagged *t) {
  if (send(t->fd, "shout\r\n", 7, 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 't->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(t->fd);
    return -1;
  }
  return 0;
}

void relay_pair_shout(int lfd) {
  struct relay_pair rp;
  rp.fd = accept(lfd, NULL, NULL);
  rp.peer_fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
  (void)shout((void *)&rp);
}

static void serve_one(int c) {
  struct socket_buffer sock;
  buffer_init(&sock, c);
  if (greet(&sock) == 0)
    ack(&sock);
  close(sock.fdn.fd);
}

static void refuse_one(int c) {
  struct socket_buffer sock;
  buffer_init(&sock, c);
  if (deny(&sock) == 0)
    busy(&sock);
  close(sock.fdn.fd);
}

void serve(int lfd) {
  int fl = fcntl(lfd, F_GETFL);
  fcntl(lfd, F_SETFL, fl | O_NONBLOCK);
  for (;;) {
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
      continue;
    if (c % 2)
      serve_one(c);
    else
      refuse_one(c);
  }
}

void relay_one(int lfd) {
  struct socket_buffer *conn = malloc(sizeof(*conn));
  if (conn == NULL)
    return;
  int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
  if (fd < 0) {
    free(conn);
    return;
  }
  conn->fdn.fd = fd;
  shared_client = conn;
  ack(conn);
}
