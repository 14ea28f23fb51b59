// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write \
// RUN:   --config='{CheckOptions: {nbio-partial-write.MinimumLength: 2}}'
// RUN: %check_nbio --lang=c++ %s nbio-partial-write \
// RUN:   --config='{CheckOptions: {nbio-partial-write.MinimumLength: 2}}' \
// RUN:   -- -std=c++17

// Writes that cannot be short, on non-blocking descriptors: a datagram is
// sent whole or not at all, an eventfd takes one 8-byte value, a write of at
// most PIPE_BUF bytes to a pipe is atomic, and a single byte is all or
// nothing. Each has a twin that must still be reported. MinimumLength is
// lowered to 2 so that these rules, not that option, decide about the small
// writes (nbio-partial-write-minimum-length.c tests the option).

#define _GNU_SOURCE 1
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

int udp_send(const char *b, size_t len) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (send(s, b, len, 0) < 0)
    return -1;
  return 0;
}

int udp_sendto(int s, const char *b, size_t len, const struct sockaddr_in *to) {
  fcntl(s, F_SETFL, O_NONBLOCK);
  if (sendto(s, b, len, 0, (const struct sockaddr *)to, sizeof *to) < 0)
    return -1;
  return 0;
}

// Twin: a stream socket.
int tcp_send(const char *b, size_t len) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (send(s, b, len, 0) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 's' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    return -1;
  return 0;
}

// Twin: sendto() with no address is send() on a connected socket.
int tcp_sendto(int s, const char *b, size_t len) {
  fcntl(s, F_SETFL, O_NONBLOCK);
  if (sendto(s, b, len, 0, NULL, 0) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'sendto' on non-blocking fd 's' can write fewer bytes than asked
    return -1;
  return 0;
}

int wake_eventfd(void) {
  int e = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  uint64_t one = 1;
  if (write(e, &one, sizeof one) != sizeof one)
    return -1;
  return e;
}

struct queue {
  int notify[2];
  int data[2];
};

void queue_init(struct queue *q) {
  if (pipe2(q->notify, O_NONBLOCK) != 0)
    q->notify[0] = q->notify[1] = -1;
  if (pipe2(q->data, O_NONBLOCK) != 0)
    q->data[0] = q->data[1] = -1;
}

// A pointer through a pipe: atomic.
int queue_push(struct queue *q, void *item) {
  if (write(q->notify[1], &item, sizeof item) != sizeof item)
    return -1;
  return 0;
}

// Twin: more than PIPE_BUF bytes through the same kind of pipe.
int queue_push_block(struct queue *q, const char (*block)[8192]) {
  if (write(q->data[1], *block, sizeof *block) != sizeof *block)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'q->data[1]' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    return -1;
  return 0;
}

// One byte: all or nothing, on any descriptor.
int kick(int s) {
  fcntl(s, F_SETFL, O_NONBLOCK);
  if (send(s, "k", 1, 0) != 1)
    return -1;
  return 0;
}

// Twin: two bytes on a socket can be split.
int kick2(int s) {
  fcntl(s, F_SETFL, O_NONBLOCK);
  if (send(s, "k\n", 2, 0) != 2)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 's' treats a short write as a failure
    return -1;
  return 0;
}

// MSG_DONTWAIT makes this one call non-blocking: reported like the rest.
int send_now(int s, const char *b, size_t len) {
  ssize_t n = send(s, b, len, MSG_DONTWAIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'send' on non-blocking fd 's' can write fewer bytes than asked
  return n < 0 ? -1 : 0;
}

// Discarded or cast to void: nbio-unhandled-eagain's question, not this
// check's.
void fire_and_forget(int s, const char *b, size_t len) {
  fcntl(s, F_SETFL, O_NONBLOCK);
  send(s, b, len, 0);
  (void)write(s, b, len);
}
