// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Every loop shape that can bring a read or a write straight back to itself
// after EAGAIN, and where the default fix-it puts its poll() in each:
//  - `while (call fails with EAGAIN) { ... }`: at the top of the body;
//  - `while (...);`: the empty body becomes a block holding the wait;
//  - `do { call } while (failed with EAGAIN)`: at the end of the body,
//    guarded by the loop's own condition;
//  - `for (;;) { call; if (EAGAIN) continue; }`: just before the continue.
// <poll.h> is added once, however many fixes the file gets.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <stddef.h>{{$}}

struct peer {
  int fd;
  char in[1024];
  size_t inlen;
  const char *out;
  size_t outlen;
};

// --- while: the condition makes the call and asks for the retry -----------

ssize_t peer_recv_while(struct peer *p) {
  ssize_t n;
  while ((n = recv(p->fd, p->in, sizeof p->in, 0)) < 0 && errno == EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' on fd 'p->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:76: note: the call is retried from here
    p->inlen = 0;
  }
  return n;
}
// CHECK-FIXES: {{^}}  while ((n = recv(p->fd, p->in, sizeof p->in, 0)) < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {p->fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}

ssize_t peer_send_while_empty(struct peer *p) {
  ssize_t n;
  while ((n = send(p->fd, p->out, p->outlen, 0)) == -1 &&
         (errno == EAGAIN || errno == EWOULDBLOCK)) {
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'send' on fd 'p->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  }
  return n;
}
// CHECK-FIXES: {{^}}         (errno == EAGAIN || errno == EWOULDBLOCK)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {p->fd, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}

// `while (...);` on one line: the null statement becomes a block.
ssize_t read_null_body(int fd, char *buf, size_t cap) {
  ssize_t n;
  while ((n = read(fd, buf, cap)) < 0 && errno == EWOULDBLOCK);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  return n;
}
// CHECK-FIXES: {{^}}  while ((n = read(fd, buf, cap)) < 0 && errno == EWOULDBLOCK) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}

// An unbraced statement as the body: the wait goes in front of it, in a
// new block.
unsigned count_spins(int fd, char *buf, size_t cap) {
  unsigned spins = 0;
  while (read(fd, buf, cap) < 0 && errno == EAGAIN)
    spins++;
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  return spins;
}
// CHECK-FIXES: {{^}}  while (read(fd, buf, cap) < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}    spins++;{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
// CHECK-FIXES: {{^}}  return spins;{{$}}

// --- for: the same, with the call in the condition --------------------------

ssize_t read_for_cond(int fd, char *buf, size_t cap) {
  ssize_t n;
  for (; (n = read(fd, buf, cap)) < 0 && errno == EAGAIN;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  }
  return n;
}
// CHECK-FIXES: {{^}}  for (; (n = read(fd, buf, cap)) < 0 && errno == EAGAIN;) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}

// --- do/while: the condition asks for the retry after the body ran ---------

ssize_t peer_recv_do(struct peer *p) {
  ssize_t n;
  do {
    n = recv(p->fd, p->in + p->inlen, sizeof p->in - p->inlen, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'p->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// CHECK-FIXES: {{^}}    n = recv(p->fd, p->in + p->inlen, sizeof p->in - p->inlen, 0);{{$}}
// CHECK-FIXES: {{^}}    if (n < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {p->fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}
// CHECK-FIXES-NEXT: {{^}}  } while (n < 0 && errno == EAGAIN);{{$}}

ssize_t write_do_ewouldblock(int fd, const char *p, size_t len) {
  ssize_t n;
  do {
    n = write(fd, p, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (n == -1 && (errno == EWOULDBLOCK || errno == EAGAIN));
  return n;
}
// CHECK-FIXES: {{^}}    if (n == -1 && (errno == EWOULDBLOCK || errno == EAGAIN)) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}

// --- an endless loop that continues on EAGAIN -------------------------------

ssize_t peer_flush_for_ever(struct peer *p) {
  for (;;) {
    ssize_t n = send(p->fd, p->out, p->outlen, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 'p->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (n < 0 && errno == EAGAIN) {
      p->outlen += 0;
      continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    }
    return n;
  }
}
// CHECK-FIXES: {{^}}      p->outlen += 0;{{$}}
// CHECK-FIXES-NEXT: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {p->fd, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      }{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}

// An unbraced `if (...) continue;`: the continue and the wait become a block
// (only the structure is pinned here: the layout is clang-format's job).
ssize_t write_unbraced_continue(int fd, const char *p, size_t len) {
  for (;;) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EAGAIN)
        continue;
      return -1;
    }
    return n;
  }
  // CHECK-MESSAGES: :[[@LINE-8]]:17: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-6]]:9: note: the call is retried from here
}
// CHECK-FIXES: {{^}}      if (errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}        continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}      }{{$}}
// CHECK-FIXES-NEXT: {{^}}      return -1;{{$}}

ssize_t read_while_one(int fd, char *buf, size_t cap) {
  while (1) {
    ssize_t n = read(fd, buf, cap);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n >= 0)
      return n;
    if (errno != EAGAIN)
      return -1;
  }
}
// Falling off the end of the body: warned, but there is no statement to put
// the wait in front of.
// CHECK-MESSAGES: note: no fix-it: the retry falls off the end of the loop body; wait for readiness on that path

// --- not a busy wait --------------------------------------------------------

// The loop leaves on EAGAIN and goes back to its event loop.
ssize_t peer_recv_once(struct peer *p) {
  for (;;) {
    ssize_t n = recv(p->fd, p->in, sizeof p->in, 0);
    if (n < 0 && errno == EAGAIN)
      return 0;
    if (n < 0 && errno == EINTR)
      continue;
    return n;
  }
}

// The loop retries only after a short count: it makes progress.
ssize_t peer_send_all(struct peer *p) {
  while (p->outlen > 0) {
    ssize_t n = send(p->fd, p->out, p->outlen, MSG_NOSIGNAL);
    if (n < 0)
      return errno == EAGAIN ? 0 : -1;
    p->out += n;
    p->outlen -= (size_t)n;
  }
  return 1;
}

// The do/while retries on something else than the failure.
ssize_t read_until_newline(int fd, char *c) {
  ssize_t n;
  do {
    n = read(fd, c, 1);
  } while (n == 1 && *c != '\n');
  return n;
}
