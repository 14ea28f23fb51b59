// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17
// RUN: %check_nbio --prefix=LISTED %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitFunctions: "loop_turn;ring_park"}}'
// RUN: %check_nbio --prefix=LISTED --lang=c++ %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitFunctions: "loop_turn;ring_park"}}'

// WaitFunctions names the project's own waits, which neither their names
// nor a body in this file give away. Here an event loop's "run one turn"
// and an io_uring-style park are defined in another file: by default the
// loops that call them are spins; with the option (prefix LISTED) they are
// quiet. A name missing from the list changes nothing.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

struct ev_base;
void loop_turn(struct ev_base *base);
void ring_park(unsigned ticks);
void ring_kick(unsigned ticks);

extern struct ev_base *main_loop;

struct ev_conn {
  int fd;
  char buf[256];
};

ssize_t conn_read_turning(struct ev_conn *c) {
  for (;;) {
    ssize_t n = recv(c->fd, c->buf, sizeof c->buf, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 'c->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && errno == EAGAIN) {
      loop_turn(main_loop);
      continue;
    }
    return n;
  }
}
// CHECK-FIXES: {{^}}      loop_turn(main_loop);{{$}}
// CHECK-FIXES-NEXT: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {c->fd, POLLIN, 0};{{$}}

ssize_t conn_send_parked(struct ev_conn *c, const char *p, size_t len) {
  ssize_t n;
  while ((n = send(c->fd, p, len, 0)) < 0 && errno == EAGAIN)
    ring_park(1);
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'send' on fd 'c->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  return n;
}
// CHECK-FIXES: struct pollfd wait_pfd = {c->fd, POLLOUT, 0};
// CHECK-FIXES-NEXT: (void)poll(&wait_pfd, 1, -1);
// CHECK-FIXES-NEXT: ring_park(1);

// Not in the list: flagged either way.
ssize_t conn_send_kicked(struct ev_conn *c, const char *p, size_t len) {
  ssize_t n;
  while ((n = send(c->fd, p, len, 0)) < 0 && errno == EAGAIN)
    ring_kick(1);
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'send' on fd 'c->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // LISTED-MESSAGES: :[[@LINE-3]]:15: warning: 'send' on fd 'c->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  return n;
}
// CHECK-FIXES: struct pollfd wait_pfd = {c->fd, POLLOUT, 0};
// CHECK-FIXES-NEXT: (void)poll(&wait_pfd, 1, -1);
// CHECK-FIXES-NEXT: ring_kick(1);
// LISTED-FIXES: {{^}}#include <poll.h>{{$}}
// LISTED-FIXES: {{^}}      loop_turn(main_loop);{{$}}
// LISTED-FIXES-NEXT: {{^}}      continue;{{$}}
// LISTED-FIXES: {{^}}    ring_park(1);{{$}}
// LISTED-FIXES: struct pollfd wait_pfd = {c->fd, POLLOUT, 0};
// LISTED-FIXES-NEXT: (void)poll(&wait_pfd, 1, -1);
// LISTED-FIXES-NEXT: ring_kick(1);
