// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17
// RUN: %check_nbio --prefix=POLL250 %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.TimeoutMs: 250}}'
// RUN: %check_nbio --prefix=SELECT %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: select}}'
// RUN: %check_nbio --prefix=SELECT --lang=c++ %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: select}}'
// RUN: %check_nbio --prefix=SELECT1500 %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: select, nbio-busy-wait-retry.TimeoutMs: 1500}}'
// RUN: %check_nbio --prefix=CUSTOM %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: custom, nbio-busy-wait-retry.WaitTemplate: "ev_wait_fd({fd}, {events}, {timeout})", nbio-busy-wait-retry.WaitHeader: "<busy-ev.h>", nbio-busy-wait-retry.TimeoutMs: 100}}' -- -std=c11 -I%S/Inputs
// RUN: %check_nbio --prefix=CUSTOM --lang=c++ %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: custom, nbio-busy-wait-retry.WaitTemplate: "ev_wait_fd({fd}, {events}, {timeout})", nbio-busy-wait-retry.WaitHeader: "<busy-ev.h>", nbio-busy-wait-retry.TimeoutMs: 100}}' -- -std=c++17 -I%S/Inputs
// RUN: %check_nbio --prefix=NOTEMPLATE %s nbio-busy-wait-retry --config='{CheckOptions: {nbio-busy-wait-retry.WaitForm: custom}}'

// The forms of the wait the fix-it inserts, one RUN line each:
//   default       poll() on a struct pollfd, no timeout (-1), <poll.h>;
//   POLL250       the same with TimeoutMs: 250;
//   SELECT        select() on an fd_set, no timeout, <sys/select.h>;
//   SELECT1500    select() with a struct timeval for TimeoutMs: 1500;
//   CUSTOM        the project's own call from WaitTemplate, {fd}, {events}
//                 and {timeout} filled in, and WaitHeader included;
//   NOTEMPLATE    custom without a template: a warning and no fix.
// The messages do not depend on the form.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// POLL250-FIXES: {{^}}#include <poll.h>{{$}}
// SELECT-FIXES: {{^}}#include <stddef.h>{{$}}
// SELECT-FIXES-NEXT: {{^}}#include <sys/select.h>{{$}}
// SELECT-FIXES-NEXT: {{^}}#include <sys/socket.h>{{$}}
// SELECT1500-FIXES: {{^}}#include <sys/select.h>{{$}}
// CUSTOM-FIXES: {{^}}#include <busy-ev.h>{{$}}
// CUSTOM-FIXES-NEXT: {{^}}#include <errno.h>{{$}}

struct stream {
  int fd;
  char buf[256];
};

ssize_t stream_read(struct stream *s) {
  ssize_t n;
  while ((n = read(s->fd, s->buf, sizeof s->buf)) < 0 && errno == EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on fd 's->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // POLL250-MESSAGES: :[[@LINE-2]]:15: warning: 'read' on fd 's->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // SELECT-MESSAGES: :[[@LINE-3]]:15: warning: 'read' on fd 's->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // SELECT1500-MESSAGES: :[[@LINE-4]]:15: warning: 'read' on fd 's->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CUSTOM-MESSAGES: :[[@LINE-5]]:15: warning: 'read' on fd 's->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // NOTEMPLATE-MESSAGES: :[[@LINE-6]]:15: warning: 'read' on fd 's->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // NOTEMPLATE-MESSAGES: :[[@LINE-7]]:15: note: no fix-it: WaitForm is 'custom' but WaitTemplate is empty
  }
  return n;
}
// CHECK-FIXES: {{^}}  while ((n = read(s->fd, s->buf, sizeof s->buf)) < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {s->fd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}
// POLL250-FIXES: {{^}}    struct pollfd wait_pfd = {s->fd, POLLIN, 0};{{$}}
// POLL250-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, 250);{{$}}
// SELECT-FIXES: {{^}}  while ((n = read(s->fd, s->buf, sizeof s->buf)) < 0 && errno == EAGAIN) {{[{]}}{{$}}
// SELECT-FIXES-NEXT: {{^}}    fd_set wait_set;{{$}}
// SELECT-FIXES-NEXT: {{^}}    FD_ZERO(&wait_set);{{$}}
// SELECT-FIXES-NEXT: {{^}}    FD_SET(s->fd, &wait_set);{{$}}
// SELECT-FIXES-NEXT: {{^}}    (void)select(s->fd + 1, &wait_set, 0, 0, 0);{{$}}
// SELECT1500-FIXES: {{^}}    FD_SET(s->fd, &wait_set);{{$}}
// SELECT1500-FIXES-NEXT: {{^}}    struct timeval wait_tv = {1, 500000};{{$}}
// SELECT1500-FIXES-NEXT: {{^}}    (void)select(s->fd + 1, &wait_set, 0, 0, &wait_tv);{{$}}
// CUSTOM-FIXES: {{^}}  while ((n = read(s->fd, s->buf, sizeof s->buf)) < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CUSTOM-FIXES-NEXT: {{^}}    ev_wait_fd(s->fd, POLLIN, 100);{{$}}

ssize_t stream_write(struct stream *s, const char *p, size_t len) {
  for (;;) {
    ssize_t n = send(s->fd, p, len, MSG_NOSIGNAL);
    if (n < 0 && errno == EWOULDBLOCK) {
      continue;
    }
    return n;
  }
  // CHECK-MESSAGES: :[[@LINE-6]]:17: warning: 'send' on fd 's->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // POLL250-MESSAGES: :[[@LINE-7]]:17: warning: 'send' on fd 's->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // SELECT-MESSAGES: :[[@LINE-8]]:17: warning: 'send' on fd 's->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // SELECT1500-MESSAGES: :[[@LINE-9]]:17: warning: 'send' on fd 's->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // CUSTOM-MESSAGES: :[[@LINE-10]]:17: warning: 'send' on fd 's->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // NOTEMPLATE-MESSAGES: :[[@LINE-11]]:17: warning: 'send' on fd 's->fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
}
// CHECK-FIXES: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {s->fd, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      }{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// POLL250-FIXES: {{^}}        struct pollfd wait_pfd = {s->fd, POLLOUT, 0};{{$}}
// POLL250-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, 250);{{$}}
// SELECT-FIXES: {{^}}      {{[{]}}{{$}}
// SELECT-FIXES-NEXT: {{^}}        fd_set wait_set;{{$}}
// SELECT-FIXES-NEXT: {{^}}        FD_ZERO(&wait_set);{{$}}
// SELECT-FIXES-NEXT: {{^}}        FD_SET(s->fd, &wait_set);{{$}}
// SELECT-FIXES-NEXT: {{^}}        (void)select(s->fd + 1, 0, &wait_set, 0, 0);{{$}}
// SELECT-FIXES-NEXT: {{^}}      }{{$}}
// SELECT-FIXES-NEXT: {{^}}      continue;{{$}}
// SELECT1500-FIXES: {{^}}        struct timeval wait_tv = {1, 500000};{{$}}
// SELECT1500-FIXES-NEXT: {{^}}        (void)select(s->fd + 1, 0, &wait_set, 0, &wait_tv);{{$}}
// CUSTOM-FIXES: {{^}}      {{[{]}}{{$}}
// CUSTOM-FIXES-NEXT: {{^}}        ev_wait_fd(s->fd, POLLOUT, 100);{{$}}
// CUSTOM-FIXES-NEXT: {{^}}      }{{$}}
// CUSTOM-FIXES-NEXT: {{^}}      continue;{{$}}
