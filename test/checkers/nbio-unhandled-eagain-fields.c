// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Descriptors kept in struct fields, returned by functions, passed to
// helpers: what one function makes non-blocking, another one reads.

#define _GNU_SOURCE 1
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct client {
  int fd;
  char buf[512];
};

struct server {
  int listen_fd;
  int wake[2];
};

// The read comes first in the file; the field is made non-blocking below.
void client_on_readable(struct client *c) {
  ssize_t n = read(c->fd, c->buf, sizeof c->buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    close(c->fd);
    free(c);
  }
}

void client_attach(struct client *c, int fd) {
  c->fd = fd;
  fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
}

// A field that receives an already non-blocking descriptor.
void server_on_accept(struct server *s) {
  int fd = accept4(s->listen_fd, NULL, NULL, SOCK_NONBLOCK);
  if (fd < 0)
    return;
  struct client *c = (struct client *)calloc(1, sizeof *c);
  if (!c) {
    close(fd);
    return;
  }
  c->fd = fd;
}

// A function that returns a non-blocking descriptor.
static int open_listener(void) {
  int fd = socket(AF_INET6, SOCK_STREAM, 0);
  if (fd >= 0)
    fcntl(fd, F_SETFL, O_NONBLOCK);
  return fd;
}

void server_start(struct server *s) {
  s->listen_fd = open_listener();
}

void server_accept_one(struct server *s) {
  int fd = accept(s->listen_fd, NULL, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'accept' on non-blocking fd 's->listen_fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (fd < 0)
    exit(1);
  close(fd);
}

// An array field filled by pipe2.
void server_wake_init(struct server *s) {
  if (pipe2(s->wake, O_NONBLOCK) != 0)
    exit(1);
}

void server_wake_drain(struct server *s) {
  char b[64];
  if (read(s->wake[0], b, sizeof b) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 's->wake[0]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

// A helper whose every caller passes a non-blocking descriptor.
static void serve(int fd) {
  char b[64];
  if (read(fd, b, sizeof b) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

void accept_and_serve(int listener) {
  int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
  if (fd >= 0)
    serve(fd);
}

// ---- Nothing to report. ----

struct blocking_peer {
  int sock;
};

void peer_read(struct blocking_peer *p, char *b) {
  if (read(p->sock, b, 1) <= 0)
    close(p->sock);
}

// One caller passes a blocking descriptor: the helper is not known to
// see only non-blocking ones.
static void serve_any(int fd) {
  char b[64];
  if (read(fd, b, sizeof b) <= 0)
    close(fd);
}

void serve_both(int listener) {
  int a = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
  int b = accept(listener, NULL, NULL);
  serve_any(a);
  serve_any(b);
}
