// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock -- -std=c11 -I%S/Inputs
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17 -I%S/Inputs

// Where EWOULDBLOCK is not EAGAIN (Inputs/nbio-split-errno.h: 35 and 11),
// code that names only one of them really misses the other. The fixed code
// is compiled against the same header, so the case label added under
// `#if EWOULDBLOCK != EAGAIN` is live here and must not clash with the
// existing one; and testing both names without a guard is fine.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "nbio-split-errno.h"
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct relay {
  int in_fd;
  int out_fd;
  char buf[1024];
  size_t pending;
};

enum { RELAY_AGAIN = 0, RELAY_DONE = 1, RELAY_FAIL = -1 };

// --- Positive cases --------------------------------------------------------

static int relay_pull(struct relay *r) {
  ssize_t n = read(r->in_fd, r->buf, sizeof r->buf);
  if (n < 0) {
    switch (errno) {
    case EINTR:
    case EAGAIN:
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'read' on 'r->in_fd' is handled for EAGAIN but not for EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES:      {{^}}    case EINTR:{{$}}
      // CHECK-FIXES-NEXT: {{^}}#if EWOULDBLOCK != EAGAIN{{$}}
      // CHECK-FIXES-NEXT: {{^}}    case EWOULDBLOCK:{{$}}
      // CHECK-FIXES-NEXT: {{^}}#endif{{$}}
      // CHECK-FIXES-NEXT: {{^}}    case EAGAIN:{{$}}
      return RELAY_AGAIN;
    default:
      return RELAY_FAIL;
    }
  }
  r->pending = (size_t)n;
  return n == 0 ? RELAY_DONE : RELAY_AGAIN;
}

static int relay_push(struct relay *r) {
  ssize_t n = send(r->out_fd, r->buf, r->pending, MSG_NOSIGNAL);
  if (n < 0 && errno == EWOULDBLOCK)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'send' on 'r->out_fd' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EWOULDBLOCK ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EAGAIN != EWOULDBLOCK && errno == EAGAIN))){{$}}
    return RELAY_AGAIN;
  if (n < 0)
    return RELAY_FAIL;
  r->pending -= (size_t)n;
  return r->pending ? RELAY_AGAIN : RELAY_DONE;
}

// --- Negative cases --------------------------------------------------------

// Two plain labels: valid here because the values differ.
static int relay_pull_ok(struct relay *r) {
  ssize_t n = recv(r->in_fd, r->buf, sizeof r->buf, 0);
  if (n >= 0)
    return n ? RELAY_AGAIN : RELAY_DONE;
  switch (errno) {
  case EAGAIN:
  case EWOULDBLOCK:
    return RELAY_AGAIN;
  default:
    return RELAY_FAIL;
  }
}

static int relay_push_ok(struct relay *r) {
  ssize_t n = write(r->out_fd, r->buf, r->pending);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return RELAY_AGAIN;
  return n < 0 ? RELAY_FAIL : RELAY_DONE;
}

int relay_step(struct relay *r);
int relay_step(struct relay *r) {
  int st = relay_pull(r) + relay_pull_ok(r);
  return st + relay_push(r) + relay_push_ok(r);
}
