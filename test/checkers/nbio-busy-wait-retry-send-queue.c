// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A session's send queue flushed over a non-blocking socket. Modelled on a
// reliable-syslog library (librelp issues 10 and 13): the flush looped over
// send() while the peer's window was closed, and the EAGAIN branch went
// straight back to send(). The fix there (PR 115) returned an EAGAIN status
// so that the event loop waits for POLLOUT; the fix-it offered here waits in
// place instead.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

// CHECK-FIXES: {{^}}#include <fcntl.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

enum relay_status { RELAY_OK = 0, RELAY_EAGAIN = 1, RELAY_IO_ERR = 2 };

struct sendbuf {
  struct sendbuf *next;
  const unsigned char *data;
  size_t len;
  size_t done;
};

struct sendq {
  struct sendbuf *head;
  struct sendbuf *tail;
};

struct relay_sess {
  int sock;
  struct sendq *q;
  unsigned long sent;
};

void sendq_pop(struct sendq *q);

void relay_sess_init(struct relay_sess *s, int sock, struct sendq *q) {
  fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK);
  s->sock = sock;
  s->q = q;
  s->sent = 0;
}

enum relay_status relay_sendq_flush(struct relay_sess *s) {
  while (s->q->head != NULL) {
    struct sendbuf *b = s->q->head;
    ssize_t n = send(s->sock, b->data + b->done, b->len - b->done, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 's->sock' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        continue;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: note: the call is retried from here
        // CHECK-MESSAGES: :[[@LINE-15]]:3: note: 'sock' was made non-blocking here
      }
      return RELAY_IO_ERR;
    }
    b->done += (size_t)n;
    s->sent += (unsigned long)n;
    if (b->done == b->len)
      sendq_pop(s->q);
  }
  return RELAY_OK;
}
// CHECK-FIXES: {{^}}      if (errno == EAGAIN || errno == EWOULDBLOCK) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}          struct pollfd wait_pfd = {s->sock, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}          (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}        }{{$}}
// CHECK-FIXES-NEXT: {{^}}        continue;{{$}}

// The fd is known to be non-blocking, so a loop that retries on every
// failure, without naming EAGAIN, spins just the same.
enum relay_status relay_send_frame(struct relay_sess *s, const unsigned char *f,
                                   size_t len) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = send(s->sock, f + done, len - done, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on fd 's->sock' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (n <= 0)
      continue;
    done += (size_t)n;
  }
  return RELAY_OK;
}
// CHECK-FIXES: {{^}}    if (n <= 0) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {s->sock, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

// --- not a busy wait --------------------------------------------------------

// The library's fix: report EAGAIN and let the event loop wait for POLLOUT.
enum relay_status relay_sendq_flush_fixed(struct relay_sess *s) {
  while (s->q->head != NULL) {
    struct sendbuf *b = s->q->head;
    ssize_t n = send(s->sock, b->data + b->done, b->len - b->done, MSG_NOSIGNAL);
    if (n < 0)
      return (errno == EAGAIN || errno == EWOULDBLOCK) ? RELAY_EAGAIN
                                                       : RELAY_IO_ERR;
    b->done += (size_t)n;
    if (b->done == b->len)
      sendq_pop(s->q);
  }
  return RELAY_OK;
}
