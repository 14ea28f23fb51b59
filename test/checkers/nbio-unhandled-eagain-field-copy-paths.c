// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// The mode belongs to the open file: a local that holds a copy of a field
// and is made non-blocking makes the field non-blocking too. Which field's
// copy the local holds at the fcntl is a question of paths: after an `if`
// that copies one field or the other, either; a local initialised with
// the copy (`int fd = p->fd;`) holds it as an assigned one does. Twin: a
// copy that a later copy replaces on every path is not the one made
// non-blocking; nor is a field copied in a declaration of two variables
// (`int n = 0, fd = q->fd;`), which the CFG splits and cannot place, and
// then replaced; nor descriptor 0 given as a placeholder (`int fd = 0;`)
// and filled through its address.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

struct client { int fd; };
struct server { int fd; };
struct spare { int fd; };
struct relay { int fd; };

void go_async(struct client *c, struct server *s, int to_server) {
  int fd;
  if (to_server)
    fd = s->fd;
  else
    fd = c->fd;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

int client_read(struct client *c, char *buf, unsigned len) {
  // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  ssize_t n = read(c->fd, buf, len);
  if (n < 0) {
    close(c->fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :32:3: note: 'c->fd' was made non-blocking here
    return -1;
  }
  return (int)n;
}

int server_read(struct server *s, char *buf, unsigned len) {
  // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'read' on non-blocking fd 's->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  ssize_t n = read(s->fd, buf, len);
  if (n < 0) {
    close(s->fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :32:3: note: 's->fd' was made non-blocking here
    return -1;
  }
  return (int)n;
}

// The twin: the spare's copy is replaced by the relay's before the fcntl.
void switch_over(struct spare *sp, struct relay *r) {
  int fd = sp->fd;
  fd = r->fd;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

int spare_read(struct spare *sp, char *buf, unsigned len) {
  ssize_t n = read(sp->fd, buf, len);
  if (n < 0) {
    close(sp->fd);
    return -1;
  }
  return (int)n;
}

int relay_read(struct relay *r, char *buf, unsigned len) {
  // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'read' on non-blocking fd 'r->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  ssize_t n = read(r->fd, buf, len);
  if (n < 0) {
    close(r->fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :63:3: note: 'r->fd' was made non-blocking here
    return -1;
  }
  return (int)n;
}

struct peer { int fd; };

// The copy is the local's initialiser.
void peer_async(struct peer *p) {
  int fd = p->fd;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

int peer_read(struct peer *p, char *buf, unsigned len) {
  // CHECK-MESSAGES: :[[@LINE+1]]:15: warning: 'read' on non-blocking fd 'p->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  ssize_t n = read(p->fd, buf, len);
  if (n < 0) {
    close(p->fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'p->fd' was made non-blocking here
    return -1;
  }
  return (int)n;
}

struct queue { int fd; };

// Twin: two variables in one declaration, the copy replaced before the
// fcntl.
void queue_accept(struct queue *q) {
  int n = 0, fd = q->fd;
  fd = accept(fd, 0, 0);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  (void)n;
}

int queue_read(struct queue *q, char *buf, unsigned len) {
  ssize_t n = read(q->fd, buf, len);
  if (n < 0) {
    close(q->fd);
    return -1;
  }
  return (int)n;
}

void open_device(const char *path, int *out);

// Twin: `0` is a placeholder, the descriptor comes through its address.
void device_async(const char *path) {
  int fd = 0;
  open_device(path, &fd);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

int stdin_read(char *buf, unsigned len) {
  ssize_t n = read(STDIN_FILENO, buf, len);
  if (n < 0) {
    close(STDIN_FILENO);
    return -1;
  }
  return (int)n;
}
