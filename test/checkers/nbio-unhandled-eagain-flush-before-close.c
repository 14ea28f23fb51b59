// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A last flush of a channel's output queue on the way down (reduced from
// openbgpd's session engine at exit: the queue's flush, its result
// ignored, then the queue cleared, the descriptor closed and the channel
// freed): whatever the flush returns, the connection ends next, and a
// would-block only loses what the close cuts short anyway. Quiet; so is
// the flush before a helper of the file's that closes the channel and
// marks the queue's descriptor gone on every path (openbgpd's
// change_state() to the idle state, "don't bother if it fails", then
// session_close_connection()). Still reported: the same flush when the
// channel goes on, when it is closed on one path only, by a helper whose
// body is not in view, by one that gives up the descriptor on some paths
// only (a return, a store under `&&`), keeps the queue's descriptor, puts
// it back after, gives up another object's, closes only a descriptor of
// another object or none on any path, or points its parameter (or the
// caller its variable) elsewhere first; after a predicate named for
// closing; and a wrapper handed the caller's own buffer before a close (a
// reply a would-block loses).

#define _GNU_SOURCE 1
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct outq {
  int fd;
  char data[512];
  size_t queued;
};

struct chan {
  int fd;
  struct outq w;
};

// Sends what is queued: the queue is all it is handed.
static int outq_flush(struct outq *q) {
  return (int)send(q->fd, q->data, q->queued, 0);
}

// Writes the caller's buffer, all of it or until a failure.
static int chan_writen(int fd, const char *p, size_t n) {
  size_t left = n;
  while (left > 0) {
    ssize_t w = send(fd, p, left, 0);
    if (w <= 0)
      return (int)w;
    p += w;
    left -= (size_t)w;
  }
  return (int)n;
}

void outq_clear(struct outq *q);
int chan_closing(const struct chan *c);
void chan_maybe_close(struct chan *c);

struct chan *chan_open(int listener) {
  struct chan *c = (struct chan *)calloc(1, sizeof *c);
  c->fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
  c->w.fd = c->fd;
  return c;
}

void engine_exit(struct chan *c) {
  outq_flush(&c->w);
  outq_clear(&c->w);
  close(c->fd);
  free(c);
}

void engine_exit_closing_queue(struct outq *q) {
  outq_flush(q);
  close(q->fd);
}

void engine_step(struct chan *c) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  c->w.queued = 0;
}

void engine_maybe_exit(struct chan *c, int last) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  if (last) {
    close(c->fd);
    free(c);
  }
}

void engine_exit_by_helper(struct chan *c) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_maybe_close(c);
}

void engine_asks(struct chan *c) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  if (chan_closing(c))
    c->w.queued = 0;
}

void reply_and_close(int listener, const char *reply, size_t len) {
  int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
  chan_writen(fd, reply, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'chan_writen' on non-blocking fd 'fd' discards its result, so a failure with EAGAIN goes unnoticed
  close(fd);
}

// The file's helper: closes the channel's descriptor if it is open and
// marks both descriptors gone, on every path.
static int accepting = 1;

static void chan_close_connection(struct chan *c) {
  if (c->fd != -1) {
    close(c->fd);
    accepting = 1;
  }
  c->fd = c->w.fd = -1;
}

void engine_to_idle(struct chan *c) {
  outq_flush(&c->w);
  chan_close_connection(c);
  outq_clear(&c->w);
}

// Gives up the descriptors only while the queue is empty.
static void chan_close_if_idle(struct chan *c) {
  if (c->w.queued)
    return;
  close(c->fd);
  c->fd = c->w.fd = -1;
}

void engine_to_idle_if_empty(struct chan *c) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_close_if_idle(c);
}

// Closes the descriptor but keeps the queue's: a later flush may still
// write the queue to it.
static void chan_close_keep_queue(struct chan *c) {
  close(c->fd);
  c->fd = -1;
}

void engine_to_idle_keep_queue(struct chan *c) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_close_keep_queue(c);
}

// Gives up another channel's descriptors.
static void chan_close_other(struct chan *c, struct chan *other) {
  close(other->fd);
  other->fd = other->w.fd = -1;
  (void)c;
}

void engine_close_peer(struct chan *c, struct chan *peer) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_close_other(c, peer);
}

// Gives up the queue's descriptor only when the flag says so: the store
// sits under `&&`, not on every path.
static void chan_close_maybe(struct chan *c, int now) {
  close(c->fd);
  (void)(now && (c->w.fd = -1));
}

void engine_close_maybe(struct chan *c, int now) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_close_maybe(c, now);
}

// Marks the queue's descriptor gone for a moment, then puts it back.
static void chan_log_closed(struct chan *c) {
  int saved;
  close(c->fd);
  saved = c->w.fd;
  c->w.fd = -1;
  c->w.fd = saved;
}

void engine_log_closed(struct chan *c) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_log_closed(c);
}

// Steps its parameter to the next channel first.
static void chan_close_next(struct chan *c) {
  c++;
  close(c->fd);
  c->fd = c->w.fd = -1;
}

void engine_close_next(struct chan *c) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_close_next(c);
}

// Closes no descriptor of the channel's: only one it points to, or one
// in code that never runs.
struct relay {
  int fd;
  struct outq w;
  struct chan *peer;
};

static void relay_drop(struct relay *r) {
  close(r->peer->fd);
  if (0)
    close(r->fd);
  r->w.fd = -1;
}

void relay_to_idle(struct relay *r, int listener) {
  r->fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
  r->w.fd = r->fd;
  outq_flush(&r->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'r->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  relay_drop(r);
}

// The caller hands the helper another channel than the one it flushed.
void engine_close_other(struct chan *c, struct chan *other) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  c = other;
  chan_close_connection(c);
}
