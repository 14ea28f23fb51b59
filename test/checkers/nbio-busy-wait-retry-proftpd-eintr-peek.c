// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Shaped after proftpd's data.c (peeking for an ABOR on the control
// connection): the call is made again only under an EINTR test, inside a
// loop that comes back to the same test. After EAGAIN the next round
// tests errno again, finds no EINTR and leaves: the call does not come
// round again, so nothing spins. Whether errno is tested directly or
// through a copy made at the top of the round, the second call is not a
// retry on EAGAIN. The twins retry on EAGAIN too, or call again whatever
// the error was: those spin.

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

int peek_for_abort(int fd) {
  char buf[8];
  ssize_t len;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  len = recv(fd, buf, sizeof buf, MSG_PEEK);
  while (len < 0) {
    int xerrno = errno;
    if (xerrno == EINTR) {
      len = recv(fd, buf, sizeof buf, MSG_PEEK);
      continue;
    }
    return 0;
  }
  return 1;
}

// errno read directly, on a descriptor opened non-blocking.
int read_byte_direct(int fd, char *byte) {
  ssize_t got;
  if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0)
    return -1;
  got = read(fd, byte, 1);
  while (got < 0) {
    if (errno == EINTR) {
      got = read(fd, byte, 1);
      continue;
    }
    return -1;
  }
  return (int)got;
}

// The same test reached through a flag the round computes first.
int peek_flag(int fd) {
  char buf[8];
  ssize_t len;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  len = recv(fd, buf, sizeof buf, MSG_PEEK);
  while (len < 0) {
    int interrupted = errno;
    if (interrupted != EINTR)
      break;
    len = recv(fd, buf, sizeof buf, MSG_PEEK);
  }
  return len > 0;
}

// Twin: the copy is tested for EAGAIN as well, so after EAGAIN the next
// round calls again at once.
int peek_retry_eagain(int fd) {
  char buf[8];
  ssize_t len;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  len = recv(fd, buf, sizeof buf, MSG_PEEK);
  while (len < 0) {
    int xerrno = errno;
    if (xerrno == EINTR || xerrno == EAGAIN) {
      len = recv(fd, buf, sizeof buf, MSG_PEEK);
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
      // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'fd' was made non-blocking here
      // CHECK-FIXES: {{^}}      {{{$}}
      // CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
      // CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
      // CHECK-FIXES-NEXT: {{^}}      }{{$}}
      // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    }
    return 0;
  }
  return 1;
}

// Twin: the next round calls whatever the error was (the test that would
// leave is on another variable, which the walk cannot read).
int peek_retry_any(int fd, int *stop) {
  char buf[8];
  ssize_t len;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  len = recv(fd, buf, sizeof buf, MSG_PEEK);
  while (len < 0) {
    if (*stop)
      return 0;
    len = recv(fd, buf, sizeof buf, MSG_PEEK);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-5]]:10: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'fd' was made non-blocking here
    // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the loop body also leaves the loop; wait for readiness where it goes round again on this failure
  }
  return 1;
}
