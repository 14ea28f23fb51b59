// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17 -fexceptions -fcxx-exceptions

// The closing helper of nbio-unhandled-eagain-flush-before-close.c in C++:
// a best-effort flush before a helper that closes the channel and marks
// the queue's descriptor gone on every path is quiet. A helper that may
// throw before it gives the descriptor up is not such a helper: the
// exception leaves the channel open with its queue, and the flush's
// would-block goes unnoticed. Nor is one whose close depends on a member
// function's answer rather than a test of the descriptor.

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
  outq w;
  bool owned() const { return fd > 2; }
};

static int outq_flush(outq *q) {
  return static_cast<int>(send(q->fd, q->data, q->queued, 0));
}

chan *chan_open(chan *c, int listener) {
  c->fd = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
  c->w.fd = c->fd;
  return c;
}

static void chan_close_connection(chan *c) {
  if (c->fd != -1)
    close(c->fd);
  c->fd = c->w.fd = -1;
}

void engine_to_idle(chan *c) {
  outq_flush(&c->w);
  chan_close_connection(c);
}

struct closing_failed {};

static void chan_close_or_throw(chan *c, bool refuse) {
  close(c->fd);
  if (refuse)
    throw closing_failed{};
  c->fd = c->w.fd = -1;
}

void engine_to_idle_or_throw(chan *c, bool refuse) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_close_or_throw(c, refuse);
}

static void chan_close_if_owned(chan *c) {
  if (c->owned())
    close(c->fd);
  c->fd = c->w.fd = -1;
}

void engine_to_idle_if_owned(chan *c) {
  outq_flush(&c->w);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'outq_flush' on non-blocking fd 'c->w.fd' discards its result, so a failure with EAGAIN goes unnoticed
  chan_close_if_owned(c);
}
