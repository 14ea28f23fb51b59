// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --prefix=ERRNO %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A descriptor read straight from a getter (`read(priv_fd(), ...)`) is
// shown blocking as a local holding the getter's value is: every value the
// getter returns is. Reduced from lldpd's privilege separation: the two
// ends of a plain socketpair() are kept in static globals by setters and
// handed out by priv_fd(); must_read() retries on EAGAIN, which a blocking
// socket without a timeout never returns, so the retry cannot spin and its
// EAGAIN-only test is dead code. An end of the pair (`pair[1]`) counts as a
// blocking value. Twins, reported: the pair handed to a function of
// unknown body first, a global that may also get a SOCK_NONBLOCK socket,
// and an element picked at run time.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

void tune_pair(int *pair);

static int privileged = -1, unprivileged = -1;
static void set_privileged(int fd) { privileged = fd; }
static void set_unprivileged(int fd) { unprivileged = fd; }
static int priv_fd(int which) {
  switch (which) {
  case 0:
    return unprivileged;
  case 1:
    return privileged;
  }
  return -1;
}

int priv_init(void) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0)
    return -1;
  set_unprivileged(pair[0]);
  set_privileged(pair[1]);
  return 0;
}

int must_read(int which, char *s, size_t n) {
  size_t pos = 0;
  while (n > pos) {
    ssize_t r = read(priv_fd(which), s + pos, n - pos);
    if (r == -1) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return 1;
    }
    if (r == 0)
      return 1;
    pos += (size_t)r;
  }
  return 0;
}

// Twin: the pair goes to a function of another file before the setter.
static int tuned = -1;
static void set_tuned(int fd) { tuned = fd; }
static int tuned_fd(void) { return tuned; }

int tuned_init(void) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0)
    return -1;
  tune_pair(pair);
  set_tuned(pair[1]);
  return 0;
}

int tuned_read(char *s, size_t n) {
  for (;;) {
    ssize_t r = read(tuned_fd(), s, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'tuned_fd()' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (r == -1 && errno == EAGAIN)
      // ERRNO-MESSAGES: :[[@LINE-1]]:20: warning: errno from 'read' on 'tuned_fd()' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // ERRNO-FIXES: if (r == -1 && (errno == EAGAIN ||
      // ERRNO-FIXES-NEXT: (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)))
      continue;
    return (int)r;
  }
}

// Twin: one setter call gives the global a non-blocking socket.
static int peer = -1;
static void set_peer(int fd) { peer = fd; }
static int peer_fd(void) { return peer; }

void peer_init(int nonblocking) {
  int pair[2];
  if (nonblocking)
    set_peer(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
  else if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0)
    set_peer(pair[0]);
}

int peer_read(char *s, size_t n) {
  for (;;) {
    ssize_t r = read(peer_fd(), s, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'peer_fd()' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (r == -1 && errno == EAGAIN)
      // ERRNO-MESSAGES: :[[@LINE-1]]:20: warning: errno from 'read' on 'peer_fd()' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // ERRNO-FIXES: if (r == -1 && (errno == EAGAIN ||
      // ERRNO-FIXES-NEXT: (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)))
      continue;
    return (int)r;
  }
}

// Twin: which end is stored is known only at run time; the other end may
// be given anything.
static int picked = -1;
static void set_picked(int fd) { picked = fd; }
static int picked_fd(void) { return picked; }

int picked_init(int i, int other) {
  int pair[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0)
    return -1;
  pair[0] = other;
  set_picked(pair[i]);
  return 0;
}

int picked_read(char *s, size_t n) {
  for (;;) {
    ssize_t r = read(picked_fd(), s, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'picked_fd()' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (r == -1 && errno == EAGAIN)
      // ERRNO-MESSAGES: :[[@LINE-1]]:20: warning: errno from 'read' on 'picked_fd()' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // ERRNO-FIXES: if (r == -1 && (errno == EAGAIN ||
      // ERRNO-FIXES-NEXT: (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)))
      continue;
    return (int)r;
  }
}
