// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A handler that the code gives an event loop for readability, and never
// calls itself, runs when its descriptor is readable: EAGAIN from its read
// is not the expected outcome, as after a poll() in the same function.
// Twins that must still be reported: a write in a handler registered for
// readability (bitlbee's DCC receiver sends its ACK from the read handler,
// where the send buffer may be full), and a handler the code also calls
// directly.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#define EV_READ 0x02
#define EV_WRITE 0x04
#define EV_PERSIST 0x10

struct event_base;
struct event;
struct event *event_new(struct event_base *, int, short,
                        void (*)(int, short, void *), void *);

struct peer {
  int fd;
  char buf[256];
};

static void on_readable(int fd, short what, void *arg) {
  struct peer *p = (struct peer *)arg;
  if (read(p->fd, p->buf, sizeof p->buf) <= 0)
    close(p->fd);
}

static void on_readable_acks(int fd, short what, void *arg) {
  struct peer *p = (struct peer *)arg;
  unsigned ack = 1;
  if (send(p->fd, &ack, sizeof ack, 0) != (ssize_t)sizeof ack)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'p->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(p->fd);
}

static void on_readable_also_called(int fd, short what, void *arg) {
  struct peer *p = (struct peer *)arg;
  if (read(p->fd, p->buf, sizeof p->buf) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'p->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(p->fd);
}

void peer_start(struct event_base *base, struct peer *p, int fd) {
  p->fd = fd;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  event_new(base, fd, EV_READ | EV_PERSIST, on_readable, p);
  event_new(base, fd, EV_READ | EV_PERSIST, on_readable_acks, p);
  event_new(base, fd, EV_READ, on_readable_also_called, p);
  on_readable_also_called(fd, EV_READ, p); // drain what is there already
}
