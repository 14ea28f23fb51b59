// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A field that every caller made blocking. Reduced from unbound's remote
// control (daemon/remote.c): the request handler makes the connection's
// socket blocking (fd_set_block(s->c->fd)) and then runs the command, whose
// output helper, a few calls down, sends on another struct's fd (filled
// only from the connection's: res.fd = c->fd). Its EAGAIN retry is dead
// code there, not a spin: the socket waits. Twins, still reported: a helper
// that one caller reaches without making the socket blocking, a command
// that makes it non-blocking again on the way, a helper other files may
// call, a handler that makes it non-blocking after blocking it, and a
// source field given a new descriptor after the copy was taken.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct conn {
  int fd;
};
struct session {
  struct conn *c;
};
struct reply {
  int fd;
};

static void make_blocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl != -1)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

// The connections are accepted, non-blocking, in another file (unbound's
// netevent.c); this file stores no descriptor in a struct conn.
int conn_accept(int listener, struct conn *out);

static int send_text(struct reply *r, const char *text) {
  size_t at = 0, len = strlen(text);
  while (at < len) {
    ssize_t n = send(r->fd, text + at, len - at, 0);
    if (n == -1) {
      if (errno == EAGAIN || errno == EINTR)
        continue;
      return -1;
    }
    at += (size_t)n;
  }
  return 0;
}

static int say(struct reply *r, const char *what) {
  return send_text(r, what);
}

static void cmd_stop(struct reply *r) { say(r, "ok\n"); }
static void cmd_status(struct reply *r) { say(r, "running\n"); }

static void run_command(struct reply *r, const char *cmd) {
  if (strcmp(cmd, "stop") == 0)
    cmd_stop(r);
  else
    cmd_status(r);
}

static void handle_request(struct session *s, struct reply *r,
                           const char *cmd) {
  make_blocking(s->c->fd);
  run_command(r, cmd);
}

void on_control(struct conn *c, struct session *s, const char *cmd) {
  struct reply r;
  r.fd = c->fd;
  handle_request(s, &r, cmd);
}

// Twin: the printer is also reached from a handler that leaves the
// socket as it was accepted, non-blocking.
struct notice {
  int fd;
};

static int print_notice(struct notice *n, const char *text) {
  size_t at = 0, len = strlen(text);
  while (at < len) {
    ssize_t k = send(n->fd, text + at, len - at, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'n->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}        struct pollfd wait_pfd = {n->fd, POLLOUT, 0};{{$}}
    if (k == -1) {
      if (errno == EAGAIN || errno == EINTR)
        continue;
      return -1;
    }
    at += (size_t)k;
  }
  return 0;
}

static void notice_blocking(struct session *s, struct notice *n) {
  make_blocking(s->c->fd);
  print_notice(n, "hello\n");
}

static void notice_as_is(struct notice *n) { print_notice(n, "bye\n"); }

void on_notice(struct conn *c, struct session *s, int polite) {
  struct notice n;
  n.fd = c->fd;
  if (polite)
    notice_blocking(s, &n);
  else
    notice_as_is(&n);
}

// Twin: a command on the way makes the connection non-blocking again.
struct answer {
  int fd;
};

static int write_answer(struct answer *a, const char *text) {
  for (;;) {
    ssize_t k = send(a->fd, text, strlen(text), 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'a->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {a->fd, POLLOUT, 0};{{$}}
    if (k == -1 && errno == EAGAIN)
      continue;
    return (int)k;
  }
}

static void go_async(struct session *s) {
  int fl = fcntl(s->c->fd, F_GETFL);
  fcntl(s->c->fd, F_SETFL, fl | O_NONBLOCK);
}

static void cmd_detach(struct session *s, struct answer *a) {
  go_async(s);
  write_answer(a, "detached\n");
}

static void handle_answer(struct session *s, struct answer *a) {
  make_blocking(s->c->fd);
  cmd_detach(s, a);
}

void on_answer(struct conn *c, struct session *s) {
  struct answer a;
  a.fd = c->fd;
  handle_answer(s, &a);
}

// Twin: a helper other files may call, with whatever they pass.
struct output {
  int fd;
};

int write_output(struct output *o, const char *text) {
  for (;;) {
    ssize_t k = send(o->fd, text, strlen(text), 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'o->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {o->fd, POLLOUT, 0};{{$}}
    if (k == -1 && errno == EAGAIN)
      continue;
    return (int)k;
  }
}

static void handle_output(struct session *s, struct output *o) {
  make_blocking(s->c->fd);
  write_output(o, "ok\n");
}

void on_output(struct conn *c, struct session *s) {
  struct output o;
  o.fd = c->fd;
  handle_output(s, &o);
}

// Twin: the handler blocks the socket, then makes it non-blocking again
// before the command runs.
struct status {
  int fd;
};

static int write_status(struct status *st, const char *text) {
  for (;;) {
    ssize_t k = send(st->fd, text, strlen(text), 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'st->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {st->fd, POLLOUT, 0};{{$}}
    if (k == -1 && errno == EAGAIN)
      continue;
    return (int)k;
  }
}

static void handle_status(struct session *s, struct status *st) {
  make_blocking(s->c->fd);
  int fl = fcntl(s->c->fd, F_GETFL);
  fcntl(s->c->fd, F_SETFL, fl | O_NONBLOCK);
  write_status(st, "up\n");
}

void on_status(struct conn *c, struct session *s) {
  struct status st;
  st.fd = c->fd;
  handle_status(s, &st);
}

// Twin: the copy is taken, then the source field is given a new descriptor
// (non-blocking) and only that one is made blocking: the copy still holds
// the old, non-blocking descriptor.
struct upstream {
  int fd;
};
struct relay {
  int fd;
};

static int send_relay(struct relay *r, const char *text) {
  for (;;) {
    ssize_t k = send(r->fd, text, strlen(text), 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'r->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-FIXES: {{^}}      struct pollfd wait_pfd = {r->fd, POLLOUT, 0};{{$}}
    if (k == -1 && errno == EAGAIN)
      continue;
    return (int)k;
  }
}

static void handle_relay(struct upstream *u, struct relay *r) {
  make_blocking(u->fd);
  send_relay(r, "hello\n");
}

void on_relay(struct upstream *u, int listener) {
  struct relay r;
  r.fd = u->fd;
  u->fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
  handle_relay(u, &r);
}
