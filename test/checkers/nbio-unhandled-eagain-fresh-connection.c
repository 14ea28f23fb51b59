// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A connection just accepted has an empty send buffer: its first small
// writes are taken whole and cannot fail with EAGAIN, so giving up on their
// -1 ends nothing that would have worked. Reduced from libuv's test of
// out-of-band data (test-poll-oob.c), which accepts a connection, makes it
// non-blocking and sends "hello" and "world" before anything else, each in
// an EINTR retry loop, asserting on the result; and from a server's
// greeting. Twins still reported: a greeting after a loop of writes (the
// buffer may be full by then), a length the code computes, a helper of the
// project given the descriptor (or an object it was copied into) first, a
// handle that was not accepted here, and a descriptor the function did not
// accept.

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void make_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

// A server's greeting on the connection it has just accepted. Quiet.
int greet(int lfd) {
  int cfd = accept(lfd, NULL, NULL);
  if (cfd < 0)
    return -1;
  make_nonblocking(cfd);
  if (write(cfd, "220 ready\r\n", 11) < 0) {
    close(cfd);
    return -1;
  }
  return cfd;
}

// Twin: a thousand records first, then the trailer: by the trailer the
// peer may have let the buffer fill. The records are reported too.
int send_records_then_trailer(int lfd) {
  int cfd = accept(lfd, NULL, NULL);
  if (cfd < 0)
    return -1;
  make_nonblocking(cfd);
  for (int i = 0; i < 1000; i++)
    if (send(cfd, "record\n", 7, 0) < 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      close(cfd);
      return -1;
    }
  if (send(cfd, "end\n", 4, 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(cfd);
    return -1;
  }
  return cfd;
}

// Twin: a banner whose length the code computes: it may be large.
int greet_with(int lfd, const char *banner) {
  int cfd = accept(lfd, NULL, NULL);
  if (cfd < 0)
    return -1;
  make_nonblocking(cfd);
  if (write(cfd, banner, strlen(banner)) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(cfd);
    return -1;
  }
  return cfd;
}

void send_motd(int fd);

// Twin: one of the project's functions is given the descriptor first and
// may have written any amount on it.
int greet_after_motd(int lfd) {
  int cfd = accept(lfd, NULL, NULL);
  if (cfd < 0)
    return -1;
  make_nonblocking(cfd);
  send_motd(cfd);
  if (write(cfd, "> ", 2) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(cfd);
    return -1;
  }
  return cfd;
}

struct conn {
  int fd;
};
void conn_hello(struct conn *c);

// Twin: the descriptor is copied into an object first, and a function of
// the project given that object may have written on it.
int greet_conn(int lfd, struct conn *c) {
  int cfd = accept(lfd, NULL, NULL);
  if (cfd < 0)
    return -1;
  make_nonblocking(cfd);
  c->fd = cfd;
  conn_hello(c);
  if (write(cfd, "> ", 2) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(cfd);
    return -1;
  }
  return cfd;
}

// Twin: the descriptor was accepted elsewhere and may have carried
// anything since.
int prompt(int cfd) {
  make_nonblocking(cfd);
  if (write(cfd, "> ", 2) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(cfd);
    return -1;
  }
  return 0;
}

// The libuv shape: a handle accepted, its descriptor fetched and made
// non-blocking, two five-byte sends each retried on EINTR only, and an
// abort if either is not whole.
typedef struct uv_stream_s {
  int fd;
} uv_stream_t;

static int uv_accept(uv_stream_t *server, uv_stream_t *client) {
  client->fd = accept(server->fd, NULL, NULL);
  return client->fd < 0 ? -1 : 0;
}
static int uv_fileno(const uv_stream_t *h, int *fd) {
  *fd = h->fd;
  return 0;
}
static int uv_poll_init_socket(int fd) {
  make_nonblocking(fd);
  return 0;
}

static uv_stream_t peer;
static int server_fd;

void on_connection(uv_stream_t *server) {
  int r;
  if (uv_accept(server, &peer) != 0)
    abort();
  if (uv_fileno(&peer, &server_fd) != 0)
    abort();
  if (uv_poll_init_socket(server_fd) != 0)
    abort();
  do {
    r = send(server_fd, "hello", 5, MSG_OOB);
  } while (r < 0 && errno == EINTR);
  if (r != 5)
    abort();
  do {
    r = send(server_fd, "world", 5, 0);
  } while (r < 0 && errno == EINTR);
  if (r != 5)
    abort();
}

static uv_stream_t other;

// Twin: the handle whose descriptor is fetched was not accepted here.
void on_timer(void) {
  int r;
  if (uv_fileno(&other, &server_fd) != 0)
    abort();
  if (uv_poll_init_socket(server_fd) != 0)
    abort();
  do {
    r = send(server_fd, "ping", 4, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'server_fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  } while (r < 0 && errno == EINTR);
  if (r != 4)
    abort();
}
