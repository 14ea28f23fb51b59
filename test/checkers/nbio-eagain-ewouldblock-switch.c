// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// switch (errno) after a socket call with a case label for only one of the
// two "would block" names. On Linux both are 11, so a second plain label
// would be a duplicate case: the fix adds it under #if.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

enum io_status { IO_OK, IO_AGAIN, IO_CLOSED, IO_ERROR };

struct peer {
  int sock;
  char buf[2048];
  size_t used;
};

// --- Positive cases --------------------------------------------------------

static enum io_status peer_read(struct peer *p) {
  ssize_t n = read(p->sock, p->buf + p->used, sizeof p->buf - p->used);
  if (n > 0) {
    p->used += (size_t)n;
    return IO_OK;
  }
  if (n == 0)
    return IO_CLOSED;
  switch (errno) {
  case EINTR:
  case EAGAIN:
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: errno from 'read' on 'p->sock' is handled for EAGAIN but not for EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES:      {{^}}  case EINTR:{{$}}
    // CHECK-FIXES-NEXT: {{^}}#if EWOULDBLOCK != EAGAIN{{$}}
    // CHECK-FIXES-NEXT: {{^}}  case EWOULDBLOCK:{{$}}
    // CHECK-FIXES-NEXT: {{^}}#endif{{$}}
    // CHECK-FIXES-NEXT: {{^}}  case EAGAIN:{{$}}
    return IO_AGAIN;
  default:
    return IO_ERROR;
  }
}

// Only EWOULDBLOCK; the label is indented deeper, and the switch is on a
// copy of errno.
static enum io_status peer_send(struct peer *p, const char *msg, size_t len) {
  for (;;) {
    ssize_t n = send(p->sock, msg, len, MSG_NOSIGNAL);
    if (n >= 0)
      return IO_OK;
    int e = errno;
    switch (e) {
        case EWOULDBLOCK:
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'send' on 'p->sock' is handled for EWOULDBLOCK but not for EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
        // CHECK-FIXES:      {{^}}    switch (e) {{[{]}}{{$}}
        // CHECK-FIXES-NEXT: {{^}}#if EWOULDBLOCK != EAGAIN{{$}}
        // CHECK-FIXES-NEXT: {{^}}        case EAGAIN:{{$}}
        // CHECK-FIXES-NEXT: {{^}}#endif{{$}}
        // CHECK-FIXES-NEXT: {{^}}        case EWOULDBLOCK:{{$}}
          return IO_AGAIN;
        case EINTR:
          continue;
        default:
          return IO_ERROR;
    }
  }
}

// Something precedes the label on its line: reported, but the fix would
// have nowhere clean to go, so there is none.
static int accept_client(int lfd) {
  int c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (c >= 0)
    return c;
  switch (errno) {
  case ECONNABORTED: case EAGAIN:
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: errno from 'accept4' on 'lfd' is handled for EAGAIN but not for EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
  // CHECK-FIXES: {{^}}  case ECONNABORTED: case EAGAIN:{{$}}
    return -2;
  default:
    return -1;
  }
}

// A comment that says the two are equal (true on Linux only) is no case
// label for the other one.
static enum io_status peer_recv_assumed(struct peer *p) {
  ssize_t n = recv(p->sock, p->buf, sizeof p->buf, 0);
  if (n >= 0)
    return n ? IO_OK : IO_CLOSED;
  switch (errno) {
  case EAGAIN: // EWOULDBLOCK has the same value, no second label needed
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: errno from 'recv' on 'p->sock' is handled for EAGAIN but not for EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
  // CHECK-FIXES:      {{^}}#if EWOULDBLOCK != EAGAIN{{$}}
  // CHECK-FIXES-NEXT: {{^}}  case EWOULDBLOCK:{{$}}
  // CHECK-FIXES-NEXT: {{^}}#endif{{$}}
  // CHECK-FIXES-NEXT: {{^}}  case EAGAIN: // EWOULDBLOCK has the same value, no second label needed{{$}}
    return IO_AGAIN;
  default:
    return IO_ERROR;
  }
}

// --- Negative cases --------------------------------------------------------

// Both names, the second one under the preprocessor guard.
static enum io_status peer_read_ok(struct peer *p) {
  ssize_t n = recv(p->sock, p->buf, sizeof p->buf, 0);
  if (n >= 0)
    return n ? IO_OK : IO_CLOSED;
  switch (errno) {
  case EAGAIN:
#if defined(EWOULDBLOCK) && EWOULDBLOCK != EAGAIN
  case EWOULDBLOCK:
#endif
    return IO_AGAIN;
  default:
    return IO_ERROR;
  }
}

// The other name only spelled in the body's text (the #if line): still
// counts as handled.
static enum io_status peer_write_ok(struct peer *p) {
  ssize_t n = write(p->sock, p->buf, p->used);
  if (n >= 0)
    return IO_OK;
  switch (errno) {
  case EAGAIN:
#if EAGAIN != EWOULDBLOCK
#error "this build expects EAGAIN and EWOULDBLOCK to be the same"
#endif
    return IO_AGAIN;
  default:
    return IO_ERROR;
  }
}

// A switch without either name.
static enum io_status peer_read_other(struct peer *p) {
  ssize_t n = read(p->sock, p->buf, sizeof p->buf);
  if (n >= 0)
    return IO_OK;
  switch (errno) {
  case EINTR:
    return IO_AGAIN;
  case ECONNRESET:
    return IO_CLOSED;
  default:
    return IO_ERROR;
  }
}

// A switch on something that is not errno.
static int classify(int fd, enum io_status st) {
  char c;
  ssize_t n = read(fd, &c, 1);
  switch ((int)st) {
  case EAGAIN:
    return (int)n;
  default:
    return 0;
  }
}

int run_all(struct peer *p, int lfd);
int run_all(struct peer *p, int lfd) {
  int r = (int)peer_read(p) + (int)peer_send(p, "x", 1) + accept_client(lfd);
  r += (int)peer_recv_assumed(p);
  r += (int)peer_read_ok(p) + (int)peer_write_ok(p) + (int)peer_read_other(p);
  return r + classify(lfd, IO_OK);
}
