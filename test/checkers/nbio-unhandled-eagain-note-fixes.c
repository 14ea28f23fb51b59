// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17
// RUN: %check_nbio --prefix=BOTH --fix-notes %s nbio-unhandled-eagain
// RUN: %check_nbio --prefix=BOTH --fix-notes --lang=c++ %s nbio-unhandled-eagain -- -std=c++17
// RUN: %check_nbio --prefix=WAIT --fix-notes %s nbio-unhandled-eagain --config='{CheckOptions: {nbio-unhandled-eagain.OfferReturnFix: false, nbio-unhandled-eagain.TimeoutMs: 1000}}'
// RUN: %check_nbio --prefix=WAIT --fix-notes --lang=c++ %s nbio-unhandled-eagain --config='{CheckOptions: {nbio-unhandled-eagain.OfferReturnFix: false, nbio-unhandled-eagain.TimeoutMs: 1000}}' -- -std=c++17
// RUN: %check_nbio --prefix=RET --fix-notes %s nbio-unhandled-eagain --config='{CheckOptions: {nbio-unhandled-eagain.OfferWaitFix: false}}'
// RUN: %check_nbio --prefix=RET --fix-notes --lang=c++ %s nbio-unhandled-eagain --config='{CheckOptions: {nbio-unhandled-eagain.OfferWaitFix: false}}' -- -std=c++17

// EAGAIN taken for a fatal error has two fixes, and which one is right
// depends on the program, so both are on notes and the warning has none:
// plain --fix changes nothing (first two runs), and --fix-notes applies a
// note's fix only where a single note has one (BOTH: where both are
// offered nothing changes, where one is it is applied). With one of them switched off, --fix-notes applies the
// other: WAIT polls before the call (what a blocking-style function
// assumed), RET returns on EAGAIN/EWOULDBLOCK at the top of the branch that
// ends the connection (what a handler called from an event loop wants).

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// WAIT-FIXES: {{^}}#include <errno.h>{{$}}
// WAIT-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct conn {
  int fd;
  char buf[512];
  size_t len;
};

static void conn_close(struct conn *c) {
  close(c->fd);
  c->fd = -1;
}

#define READ_INTO(c) recv((c)->fd, (c)->buf, sizeof (c)->buf, MSG_DONTWAIT)

// A handler the event loop calls when the socket is readable.
void on_readable(struct conn *c);
void on_readable(struct conn *c) {
  ssize_t n = recv(c->fd, c->buf, sizeof c->buf, MSG_DONTWAIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: fix: wait up to 5000 ms for 'c->fd' to become readable before the call
  // CHECK-MESSAGES: :[[@LINE+7]]:5: note: fix: return here on EAGAIN or EWOULDBLOCK, keeping the connection for the next readiness event
  // WAIT-MESSAGES: :[[@LINE-4]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // WAIT-MESSAGES: :[[@LINE-5]]:15: note: fix: wait up to 1000 ms for 'c->fd' to become readable before the call
  // RET-MESSAGES: :[[@LINE-6]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // RET-MESSAGES: :[[@LINE+3]]:5: note: fix: return here on EAGAIN or EWOULDBLOCK, keeping the connection for the next readiness event
  // BOTH-MESSAGES: :[[@LINE-8]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    conn_close(c);
    return;
  }
  c->len = (size_t)n;
}
// WAIT-FIXES: {{^}}void on_readable(struct conn *c) {{[{]}}{{$}}
// WAIT-FIXES-NEXT: {{^}}  {{[{]}}{{$}}
// WAIT-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {c->fd, POLLIN, 0};{{$}}
// WAIT-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, 1000);{{$}}
// WAIT-FIXES-NEXT: {{^}}  }{{$}}
// WAIT-FIXES-NEXT: {{^}}  ssize_t n = recv(c->fd, c->buf, sizeof c->buf, MSG_DONTWAIT);{{$}}
// RET-FIXES: {{^}}  if (n <= 0) {{[{]}}{{$}}
// RET-FIXES-NEXT: {{^}}    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)){{$}}
// RET-FIXES-NEXT: {{^}}      return;{{$}}

// A blocking-style sender on a socket made non-blocking elsewhere.
int send_all(int fd, const char *p, size_t len);
int send_all(int fd, const char *p, size_t len) {
  while (len > 0) {
    if (send(fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    // CHECK-MESSAGES: :[[@LINE-2]]:9: note: fix: wait up to 5000 ms for 'fd' to become writable before the call
    // CHECK-MESSAGES: :[[@LINE+6]]:7: note: fix: return here on EAGAIN or EWOULDBLOCK, keeping the connection for the next readiness event
    // WAIT-MESSAGES: :[[@LINE-4]]:9: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    // WAIT-MESSAGES: :[[@LINE-5]]:9: note: fix: wait up to 1000 ms for 'fd' to become writable before the call
    // RET-MESSAGES: :[[@LINE-6]]:9: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    // RET-MESSAGES: :[[@LINE+2]]:7: note: fix: return here on EAGAIN or EWOULDBLOCK, keeping the connection for the next readiness event
    // BOTH-MESSAGES: :[[@LINE-8]]:9: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      close(fd);
      return -1;
    }
    p++;
    len--;
  }
  return 0;
}
// WAIT-FIXES: {{^}}    {{[{]}}{{$}}
// WAIT-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}
// WAIT-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, 1000);{{$}}
// WAIT-FIXES-NEXT: {{^}}    }{{$}}
// WAIT-FIXES-NEXT: {{^}}    if (send(fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT) < 0) {{[{]}}{{$}}
// The call itself is the test: errno alone tells EAGAIN.
// RET-FIXES: {{^}}    if (send(fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT) < 0) {{[{]}}{{$}}
// RET-FIXES-NEXT: {{^}}      if (errno == EAGAIN || errno == EWOULDBLOCK){{$}}
// RET-FIXES-NEXT: {{^}}        return -1;{{$}}

// The call in a loop's condition: a wait before the loop would wait once;
// only the return is offered.
int drain(struct conn *c);
int drain(struct conn *c) {
  ssize_t n;
  while ((n = recv(c->fd, c->buf, sizeof c->buf, MSG_DONTWAIT)) > 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE+7]]:5: note: fix: return here on EAGAIN or EWOULDBLOCK, keeping the connection for the next readiness event
  // WAIT-MESSAGES: :[[@LINE-3]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // RET-MESSAGES: :[[@LINE-4]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // RET-MESSAGES: :[[@LINE+4]]:5: note: fix: return here on EAGAIN or EWOULDBLOCK, keeping the connection for the next readiness event
  // BOTH-MESSAGES: :[[@LINE-6]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    c->len += (size_t)n;
  if (n < 0) {
    conn_close(c);
    return -1;
  }
  return 0;
}
// RET-FIXES: {{^}}  if (n < 0) {{[{]}}{{$}}
// RET-FIXES-NEXT: {{^}}    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)){{$}}
// RET-FIXES-NEXT: {{^}}      return -1;{{$}}

// An unbraced branch: only the wait is offered.
void on_readable_short(struct conn *c);
void on_readable_short(struct conn *c) {
  ssize_t n = recv(c->fd, c->buf, sizeof c->buf, MSG_DONTWAIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: fix: wait up to 5000 ms for 'c->fd' to become readable before the call
  // WAIT-MESSAGES: :[[@LINE-3]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // WAIT-MESSAGES: :[[@LINE-4]]:15: note: fix: wait up to 1000 ms for 'c->fd' to become readable before the call
  // RET-MESSAGES: :[[@LINE-5]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // BOTH-MESSAGES: :[[@LINE-6]]:15: warning: 'recv' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0)
    conn_close(c);
  else
    c->len = (size_t)n;
}
// WAIT-FIXES: {{^}}    struct pollfd wait_pfd = {c->fd, POLLIN, 0};{{$}}

// The call from a macro: neither.
void on_readable_macro(struct conn *c);
void on_readable_macro(struct conn *c) {
  if (READ_INTO(c) < 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'READ_INTO(c)' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // WAIT-MESSAGES: :[[@LINE-2]]:7: warning: 'recv' on non-blocking fd 'READ_INTO(c)' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // RET-MESSAGES: :[[@LINE-3]]:7: warning: 'recv' on non-blocking fd 'READ_INTO(c)' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // BOTH-MESSAGES: :[[@LINE-4]]:7: warning: 'recv' on non-blocking fd 'READ_INTO(c)' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    conn_close(c);
}
// Where one fix alone is offered, --fix-notes applies it.
// BOTH-FIXES: {{^}}  if (n < 0) {{[{]}}{{$}}
// BOTH-FIXES-NEXT: {{^}}    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)){{$}}
// BOTH-FIXES: {{^}}void on_readable_short(struct conn *c) {{[{]}}{{$}}
// BOTH-FIXES-NEXT: {{^}}  {{[{]}}{{$}}
// BOTH-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {c->fd, POLLIN, 0};{{$}}
