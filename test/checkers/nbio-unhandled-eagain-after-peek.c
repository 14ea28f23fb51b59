// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A receive of bytes that a MSG_PEEK receive on the same socket showed were
// queued cannot fail with EAGAIN. Reduced from weechat's DCC file sender:
// it peeks for the receiver's four-byte acknowledgement and, once the peek
// returned four bytes, takes them with a recv() whose result it drops (the
// count's variable holds a file read's count elsewhere in the function).
// Twins that are reported: a receive longer than the peek found, a second
// receive after the one the peek covered, a receive in a loop inside the
// branch or a test in a loop without the peek, one on another socket, a
// count that is also set by a plain receive, an unsigned count tested with
// `>=` (a failed peek's -1 passes), flags that only sometimes peek, and a
// function of the project handed the socket in between.

#include <fcntl.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

struct sender {
  int sock;
  int other;
  uint32_t ack;
};

static void make_nonblocking(struct sender *s) {
  fcntl(s->sock, F_SETFL, fcntl(s->sock, F_GETFL) | O_NONBLOCK);
  fcntl(s->other, F_SETFL, fcntl(s->other, F_GETFL) | O_NONBLOCK);
}

int read_ack(struct sender *s) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, &s->ack, 4, MSG_PEEK);
  if (n == 4) {
    recv(s->sock, &s->ack, 4, 0);
    return 1;
  }
  return 0;
}

// The count's variable is used again for a file's read further down, as
// weechat's sender does: only the peek reaches the test.
int read_ack_then_file(struct sender *s, int file, char *block) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, &s->ack, 4, MSG_PEEK);
  if (n == 4)
    recv(s->sock, &s->ack, 4, 0);
  n = read(file, block, 512);
  return n > 0;
}

int read_ack_ge(struct sender *s) {
  make_nonblocking(s);
  ssize_t n;
  n = recv(s->sock, &s->ack, sizeof s->ack, MSG_PEEK);
  if (4 <= n)
    recv(s->sock, &s->ack, 4, 0);
  return 0;
}

// Twin: the receive asks for more than the peek found.
int read_ack_long(struct sender *s, char *buf) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, buf, 4, MSG_PEEK);
  if (n == 4) {
    recv(s->sock, buf, 8, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  }
  return 0;
}

// Twin: the peeked bytes went to the first receive; the second may find
// nothing.
int read_ack_twice(struct sender *s, uint32_t *more) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, &s->ack, 4, MSG_PEEK);
  if (n == 4) {
    recv(s->sock, &s->ack, 4, 0);
    recv(s->sock, more, 4, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  }
  return 0;
}

// Twin: a loop in the branch receives again each round.
int read_acks(struct sender *s, int count) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, &s->ack, 4, MSG_PEEK);
  if (n == 4)
    for (int i = 0; i < count; i++)
      recv(s->sock, &s->ack, 4, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return 0;
}

// Twin: the peek was on another socket.
int read_ack_other(struct sender *s) {
  make_nonblocking(s);
  ssize_t n = recv(s->other, &s->ack, 4, MSG_PEEK);
  if (n == 4)
    recv(s->sock, &s->ack, 4, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return 0;
}

// Twin: the count may come from a plain receive as well.
int read_ack_mixed(struct sender *s, int peek) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, &s->ack, 4, MSG_PEEK);
  if (!peek)
    n = recv(s->sock, &s->ack, 4, 0);
  if (n == 4)
    recv(s->sock, &s->ack, 4, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return 0;
}

// Twin: the test runs again in a loop, on the same count.
int read_acks_loop(struct sender *s, int count) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, &s->ack, 4, MSG_PEEK);
  for (int i = 0; i < count; i++)
    if (n == 4)
      recv(s->sock, &s->ack, 4, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return 0;
}

// Twin: in an unsigned count, a failed peek's -1 passes `>=`.
int read_ack_unsigned(struct sender *s) {
  make_nonblocking(s);
  size_t n = (size_t)recv(s->sock, &s->ack, 4, MSG_PEEK);
  if (n >= 4)
    recv(s->sock, &s->ack, 4, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return 0;
}

// Twin: whether the first receive peeks is decided at run time.
int read_ack_maybe_peek(struct sender *s, int peek) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, &s->ack, 4, peek ? MSG_PEEK : 0);
  if (n == 4)
    recv(s->sock, &s->ack, 4, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return 0;
}

// Twin: a function of the project is handed the socket in between, and
// may read the peeked bytes.
void sender_drain(int fd);
int read_ack_after_drain(struct sender *s) {
  make_nonblocking(s);
  ssize_t n = recv(s->sock, &s->ack, 4, MSG_PEEK);
  sender_drain(s->sock);
  if (n == 4)
    recv(s->sock, &s->ack, 4, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'recv' on non-blocking fd 's->sock' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return 0;
}
