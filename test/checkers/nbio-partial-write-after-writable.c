// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write \
// RUN:   --config='{CheckOptions: {nbio-partial-write.MinimumLength: 2}}'
// RUN: %check_nbio --lang=c++ %s nbio-partial-write \
// RUN:   --config='{CheckOptions: {nbio-partial-write.MinimumLength: 2}}' \
// RUN:   -- -std=c++17

// A small write made once the descriptor was reported writable is not cut
// short: readiness promises room for at least a few hundred bytes (reduced
// from libuv's test-poll-oob, whose writable callback sends three bytes and
// asserts all three went). Quiet: a poll() for POLLOUT on the same socket
// before a 16-byte send, and a 3-byte send in a handler registered for
// writability. Still reported: a send of a size not known after the poll,
// a large constant after the poll, a small send after a poll of another
// socket, and a small send in a handler registered for reading.
// MinimumLength is lowered to 2 so that this rule, not that option, decides
// about these small sends.

#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#define EV_READ 0x02
#define EV_WRITE 0x04
typedef void (*ev_cb)(int fd, short what, void *arg);
int ev_watch(int fd, short what, ev_cb cb, void *arg);

static const char hello[16] = "hello, peer";
static char big[4096];
int abort_peer(int fd);

static int open_stream(void) {
  return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
}

int greet_when_writable(void) {
  int s = open_stream();
  struct pollfd p = {s, POLLOUT, 0};
  if (poll(&p, 1, 1000) != 1)
    return -1;
  if (send(s, hello, sizeof hello, 0) != sizeof hello)
    return -1;
  return s;
}

static void on_writable(int fd, short what, void *arg) {
  (void)what;
  (void)arg;
  if (send(fd, "foo", 3, 0) != 3)
    abort_peer(fd);
}

static void on_readable(int fd, short what, void *arg) {
  (void)what;
  (void)arg;
  if (send(fd, "ack", 3, 0) != 3)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    abort_peer(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :35:10: note: 'socket' creates a non-blocking descriptor here
}

void watch(void) {
  int s = open_stream();
  ev_watch(s, EV_WRITE, on_writable, 0);
  ev_watch(s, EV_READ, on_readable, 0);
}

// --- Still reported --------------------------------------------------------

int send_unknown_size(const char *b, size_t n) {
  int s = open_stream();
  struct pollfd p = {s, POLLOUT, 0};
  if (poll(&p, 1, 1000) != 1)
    return -1;
  if (send(s, b, n, 0) != (ssize_t)n)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 's' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :35:10: note: 'socket' creates a non-blocking descriptor here
  return s;
}

int send_big(void) {
  int s = open_stream();
  struct pollfd p = {s, POLLOUT, 0};
  if (poll(&p, 1, 1000) != 1)
    return -1;
  if (send(s, big, sizeof big, 0) != sizeof big)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 's' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :35:10: note: 'socket' creates a non-blocking descriptor here
  return s;
}

int poll_other_socket(int listener) {
  int s = open_stream();
  struct pollfd p = {listener, POLLOUT, 0};
  if (poll(&p, 1, 1000) != 1)
    return -1;
  if (send(s, hello, sizeof hello, 0) != sizeof hello)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 's' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :35:10: note: 'socket' creates a non-blocking descriptor here
  return s;
}
