// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A thin wrapper whose descriptor is a field of the struct its parameter
// points to (`return send(c->sock, ...)`), called directly and through a
// table of function pointers in the same file (libmodbus's backend table,
// in one file). The caller's failure path is judged on 'c->sock'. Twins: a
// field that is never made non-blocking, and a table function that waits
// for readiness first (no thin wrapper). A function that only dispatches
// through the table (pgbouncer's sbuf_op_send()) is a thin wrapper in its
// turn; its twin dispatches to the function that waits.

#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct link;
struct link_ops {
  ssize_t (*put)(struct link *l, const void *b, size_t n);
  ssize_t (*put_waiting)(struct link *l, const void *b, size_t n);
};
struct link {
  int sock;
  int plain_sock;
  const struct link_ops *ops;
};

static ssize_t link_put(struct link *l, const void *b, size_t n) {
  return send(l->sock, b, n, 0);
}

static ssize_t link_put_plain(struct link *l, const void *b, size_t n) {
  return send(l->plain_sock, b, n, 0);
}

static ssize_t link_put_waiting(struct link *l, const void *b, size_t n) {
  struct pollfd p = {l->sock, POLLOUT, 0};
  if (poll(&p, 1, 1000) <= 0)
    return -1;
  return send(l->sock, b, n, 0);
}

static const struct link_ops ops = {
    .put_waiting = link_put_waiting,
    .put = link_put,
};

int link_open(struct link *l) {
  l->sock = socket(PF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  l->plain_sock = socket(PF_INET, SOCK_STREAM, 0);
  l->ops = &ops;
  return l->sock;
}

int put_direct(struct link *l, const char *m, size_t n) {
  if (link_put(l, m, n) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'link_put' on non-blocking fd 'l->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(l->sock);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    return -1;
  }
  return 0;
}
// CHECK-MESSAGES: :52:13: note: 'socket' creates a non-blocking descriptor here
// CHECK-MESSAGES: :32:10: note: 'link_put' hands the outcome of 'send' on its parameter 'l->sock' back to its caller here
// CHECK-MESSAGES: :59:7: note: fix: wait up to 5000 ms for 'l->sock' to become writable before the call

int put_table(struct link *l, const char *m, size_t n) {
  if (l->ops->put(l, m, n) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'l->ops->put' on non-blocking fd 'l->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(l->sock);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    return -1;
  }
  return 0;
}
// CHECK-MESSAGES: :52:13: note: 'socket' creates a non-blocking descriptor here
// CHECK-MESSAGES: :32:10: note: 'link_put', stored in that field, hands the outcome of 'send' on the descriptor it is given back to its caller here
// CHECK-MESSAGES: :72:7: note: fix: wait up to 5000 ms for 'l->sock' to become writable before the call

// The struct passed by address: the descriptor is named as written,
// 'conn.sock'.
int put_local(const char *m, size_t n) {
  struct link conn;
  link_open(&conn);
  if (link_put(&conn, m, n) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'link_put' on non-blocking fd 'conn.sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(conn.sock);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    return -1;
  }
  return 0;
}
// CHECK-MESSAGES: :52:13: note: 'socket' creates a non-blocking descriptor here
// CHECK-MESSAGES: :32:10: note: 'link_put' hands the outcome of 'send' on its parameter 'l->sock' back to its caller here
// CHECK-MESSAGES: :89:7: note: fix: wait up to 5000 ms for 'conn.sock' to become writable before the call

// Twin: the same wrapper shape on a field no code makes non-blocking.
int put_plain(struct link *l, const char *m, size_t n) {
  if (link_put_plain(l, m, n) < 0) {
    close(l->plain_sock);
    return -1;
  }
  return 0;
}

// Twin: the table's other function waits for writability first.
int put_waiting(struct link *l, const char *m, size_t n) {
  if (l->ops->put_waiting(l, m, n) < 0) {
    close(l->sock);
    return -1;
  }
  return 0;
}

// The dispatcher: returns the table call's outcome as it is.
static ssize_t link_op_put(struct link *l, const void *b, size_t n) {
  return l->ops->put(l, b, n);
}

static ssize_t link_op_put_waiting(struct link *l, const void *b, size_t n) {
  return l->ops->put_waiting(l, b, n);
}

int put_dispatched(struct link *l, const char *m, size_t n) {
  if (link_op_put(l, m, n) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'link_op_put' on non-blocking fd 'l->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(l->sock);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    return -1;
  }
  return 0;
}
// CHECK-MESSAGES: :52:13: note: 'socket' creates a non-blocking descriptor here
// CHECK-MESSAGES: :121:10: note: 'link_op_put' hands the outcome of 'l->ops->put' on its parameter 'l->sock' back to its caller here
// CHECK-MESSAGES: :129:7: note: fix: wait up to 5000 ms for 'l->sock' to become writable before the call

// Twin: dispatched to the function that waits.
int put_dispatched_waiting(struct link *l, const char *m, size_t n) {
  if (link_op_put_waiting(l, m, n) < 0) {
    close(l->sock);
    return -1;
  }
  return 0;
}
