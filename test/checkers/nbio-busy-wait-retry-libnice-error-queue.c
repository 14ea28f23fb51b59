// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Reduced from libnice 0.1.21 (stun/usages/bind.c): a send with
// MSG_DONTWAIT that fails is tried again only while a receive from the
// socket's error queue (MSG_ERRQUEUE, where Linux queues the ICMP errors of
// earlier datagrams) takes a queued error. Each round consumes one; once
// the queue is empty the receive fails and the loop ends, so the loop
// cannot spin. The same loop is still reported where the condition does
// not consume anything: a test that can stay true (a receive that may
// return 0 at an end of file, an unknown function), or the negation.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct transport {
  int fd;
};

static int drop_queued_error(int fd) {
  struct msghdr hdr;
  int saved = errno, took;
  memset(&hdr, 0, sizeof(hdr));
  took = (recvmsg(fd, &hdr, MSG_ERRQUEUE) >= 0);
  errno = saved;
  return took;
}

ssize_t transport_send(struct transport *t, const void *buf, size_t len) {
  ssize_t sent;
  do {
    sent = send(t->fd, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL);
  } while (sent == -1 && drop_queued_error(t->fd));
  return sent;
}

// The receive in the condition itself.
ssize_t transport_send_inline(int fd, const void *buf, size_t len) {
  struct msghdr hdr;
  ssize_t sent;
  memset(&hdr, 0, sizeof(hdr));
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
  } while (sent == -1 && recvmsg(fd, &hdr, MSG_ERRQUEUE) != -1);
  return sent;
}

// A receive that must take at least one byte.
ssize_t send_while_input(int fd, const void *buf, size_t len, char *in,
                         size_t inlen) {
  ssize_t sent;
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
  } while (sent == -1 && recv(fd, in, inlen, MSG_DONTWAIT) > 0);
  return sent;
}

// The twin: a plain receive tested for success may return 0 at an end of
// file, again and again.
ssize_t send_while_no_error(int fd, const void *buf, size_t len, char *in,
                            size_t inlen) {
  ssize_t sent;
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && recv(fd, in, inlen, MSG_DONTWAIT) >= 0);
  return sent;
}

// The twin: goes round when the error queue is empty.
ssize_t send_unless_queued(struct transport *t, const void *buf, size_t len) {
  ssize_t sent;
  do {
    sent = send(t->fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 't->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && !drop_queued_error(t->fd));
  return sent;
}

// The twin: a function of another file, which may say yes without taking
// anything.
int worth_retrying(int fd);

ssize_t send_if_worth_it(struct transport *t, const void *buf, size_t len) {
  ssize_t sent;
  do {
    sent = send(t->fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 't->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && worth_retrying(t->fd));
  return sent;
}

// The twin: a helper of this file that says yes on a constant as well.
static int took_or_full(int fd) {
  struct msghdr hdr;
  memset(&hdr, 0, sizeof(hdr));
  if (recvmsg(fd, &hdr, MSG_ERRQUEUE) >= 0)
    return 1;
  return 1;
}

ssize_t send_took_or_full(struct transport *t, const void *buf, size_t len) {
  ssize_t sent;
  do {
    sent = send(t->fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 't->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && took_or_full(t->fd));
  return sent;
}

// A do loop's condition that receives after another term: failing, the
// receive ends the loop, whose condition block the CFG joins after both
// terms (this was taken for a round trip to the loop's head).
void drain_some(int fd, char *in, size_t inlen, int budget) {
  do {
    budget--;
  } while (budget > 0 && recv(fd, in, inlen, MSG_DONTWAIT) > 0);
}

// The twin: the same loop goes round when the receive fails.
void drain_spin(int fd, char *in, size_t inlen, int budget) {
  do {
    budget--;
  } while (budget > 0 && recv(fd, in, inlen, MSG_DONTWAIT) < 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-3]]:46: note: 'MSG_DONTWAIT' makes this call non-blocking
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
}

// The twin: a peek leaves what it saw queued, so it succeeds every round
// while the peer's bytes wait; reported.
ssize_t send_while_peeked(int fd, const void *buf, size_t len) {
  char first;
  ssize_t sent;
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && recv(fd, &first, 1, MSG_PEEK | MSG_DONTWAIT) > 0);
  return sent;
}

// The twin: compared with an unsigned size, a failed receive's -1 is the
// largest value there is and passes the test; reported, the receive too.
struct frame_header {
  int kind, size;
};
ssize_t send_while_header(int fd, const void *buf, size_t len) {
  struct frame_header h;
  ssize_t sent;
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+7]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
    // CHECK-MESSAGES: :[[@LINE+4]]:26: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE+2]]:49: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE+1]]:26: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && recv(fd, &h, sizeof h, MSG_DONTWAIT) >= sizeof h);
  return sent;
}

// The twin: the error queue's flag masked off, or chosen at run time: a
// plain receive tested for success; reported.
ssize_t send_masked(int fd, const void *buf, size_t len, int flags,
                    int errq) {
  struct msghdr hdr;
  ssize_t sent;
  memset(&hdr, 0, sizeof(hdr));
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && recvmsg(fd, &hdr, flags & ~MSG_ERRQUEUE) >= 0);
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 &&
           recvmsg(fd, &hdr, errq ? MSG_ERRQUEUE : MSG_DONTWAIT) >= 0);
  return sent;
}

// The error queue's flag or'ed with another constant: quiet.
ssize_t send_errqueue_dontwait(int fd, const void *buf, size_t len) {
  struct msghdr hdr;
  ssize_t sent;
  memset(&hdr, 0, sizeof(hdr));
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
  } while (sent == -1 &&
           recvmsg(fd, &hdr, MSG_ERRQUEUE | MSG_DONTWAIT) >= 0);
  return sent;
}

// The twin: `!(a || b)` around the receive; the join block of the do
// loop's condition is not read again with `stop` assumed: reported.
void drain_unless(int fd, char *in, size_t inlen, volatile int *stop) {
  do {
  } while (!(*stop || recv(fd, in, inlen, MSG_DONTWAIT) >= 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-3]]:6: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-3]]:43: note: 'MSG_DONTWAIT' makes this call non-blocking
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
}
