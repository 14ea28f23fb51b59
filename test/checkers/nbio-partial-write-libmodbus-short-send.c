// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// Reduced from libmodbus 3.1.6 (modbus.c send_msg, modbus-tcp.c): the TCP
// client socket is created non-blocking, and a request whose send() is
// short ('rc > 0 && rc != length') is reported as bad data and dropped,
// although its head is already on the wire: the next request's bytes then
// follow a half frame. In libmodbus the send goes through the backend's
// function pointer into another file; here the send is direct.

#include <errno.h>
#include <stdint.h>
#include <sys/socket.h>

#define BAD_DATA 112345679

struct bus {
  int s;
};

int bus_connect(struct bus *b) {
  b->s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  return b->s;
}

int bus_send_msg(struct bus *b, const uint8_t *msg, int length) {
  int rc;
  do {
    rc = (int)send(b->s, msg, (size_t)length, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'send' on non-blocking fd 'b->s' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  } while (rc == -1 && errno == EINTR);
  if (rc > 0 && rc != length) {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: note: a short count is taken for a failure here
    errno = BAD_DATA;
    return -1;
  }
  return rc;
}

// FIXME: libmodbus's own shape calls send() through the backend's function
// pointer, defined in another file; the call here is not a write the check
// knows, so nothing is reported (needs the project-wide facts of issue 16).
struct backend {
  long (*send)(struct bus *, const uint8_t *, int);
};

int bus_send_via_backend(struct bus *b, const struct backend *be,
                         const uint8_t *msg, int length) {
  long rc = be->send(b, msg, length);
  if (rc > 0 && rc != length) {
    errno = BAD_DATA;
    return -1;
  }
  return (int)rc;
}

// Twin: a short count keeps the rest for the next writable event.
struct pending {
  const uint8_t *p;
  int left;
};

int bus_send_keep(struct bus *b, struct pending *q) {
  int rc = (int)send(b->s, q->p, (size_t)q->left, MSG_NOSIGNAL);
  if (rc > 0 && rc != q->left) {
    q->p += rc;
    q->left -= rc;
    return 0;
  }
  return rc;
}
