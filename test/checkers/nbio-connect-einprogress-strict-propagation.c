// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17
// RUN: %check_nbio --prefix=CHECK-STRICT %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.StrictPropagation: true}}'
// RUN: %check_nbio --lang=c++ --prefix=CHECK-STRICT %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.StrictPropagation: true}}' -- -std=c++17

// A connect helper that returns its failure, EINPROGRESS included, leaves
// the decision to its callers: by default that is not reported (the first
// two runs expect no diagnostic). With StrictPropagation, returning the
// failure of a non-blocking connect without testing EINPROGRESS is.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

struct peer_conn {
  int fd;
  struct sockaddr_in addr;
  int state;
};

// --- Positive cases (StrictPropagation) ------------------------------------

static int peer_connect(struct peer_conn *pc) {
  pc->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (pc->fd < 0)
    return -1;
  if (connect(pc->fd, (const struct sockaddr *)&pc->addr, sizeof pc->addr) < 0)
    // CHECK-STRICT-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'pc->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    return -1;
    // CHECK-STRICT-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, the failure is returned here
    // CHECK-STRICT-MESSAGES: :[[@LINE-7]]:12: note: 'socket' creates a non-blocking descriptor here
  pc->state = 1;
  return 0;
}
// CHECK-STRICT-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-STRICT-FIXES: if (nbio_connect_wait(connect(pc->fd, (const struct sockaddr *)&pc->addr, sizeof pc->addr), pc->fd, 5000) < 0)

// The negated errno, as many libraries return it.
static int peer_connect_errno(const struct sockaddr_in *sa, int *out) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -errno;
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  *out = fd;
  int rc = connect(fd, (const struct sockaddr *)sa, sizeof *sa);
  // CHECK-STRICT-MESSAGES: :[[@LINE-1]]:12: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  if (rc < 0) {
    int e = errno;
    return -e;
    // CHECK-STRICT-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, the failure is returned here
    // CHECK-STRICT-MESSAGES: :[[@LINE-8]]:3: note: 'fd' was made non-blocking here
  }
  return 0;
}
// CHECK-STRICT-FIXES: int rc = nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000);

// A void callback of the event loop that just gives up.
static void peer_on_timer(struct peer_conn *pc) {
  if (connect(pc->fd, (const struct sockaddr *)&pc->addr, sizeof pc->addr) != 0) {
    // CHECK-STRICT-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'pc->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    pc->state = -1;
    return;
    // CHECK-STRICT-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, the failure is returned here
    // CHECK-STRICT-MESSAGES: :[[@LINE-41]]:12: note: 'socket' creates a non-blocking descriptor here
  }
  pc->state = 1;
}
// CHECK-STRICT-FIXES: if (nbio_connect_wait(connect(pc->fd, (const struct sockaddr *)&pc->addr, sizeof pc->addr), pc->fd, 5000) != 0) {

// --- Negative cases ----------------------------------------------------------

static int peer_connect_ok(struct peer_conn *pc) {
  if (connect(pc->fd, (const struct sockaddr *)&pc->addr, sizeof pc->addr) < 0) {
    if (errno == EINPROGRESS)
      return 0; // the loop waits for POLLOUT, then reads SO_ERROR
    return -1;
  }
  pc->state = 1;
  return 0;
}

// Waits for the handshake before returning.
static int peer_connect_wait(struct peer_conn *pc) {
  if (connect(pc->fd, (const struct sockaddr *)&pc->addr, sizeof pc->addr) < 0) {
    struct pollfd p;
    p.fd = pc->fd;
    p.events = POLLOUT;
    p.revents = 0;
    if (poll(&p, 1, 1000) != 1)
      return -1;
    int soerr = 0;
    socklen_t len = sizeof soerr;
    if (getsockopt(pc->fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0 || soerr)
      return -1;
  }
  pc->state = 1;
  return 0;
}

// A blocking socket.
static int peer_connect_blocking(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0)
    return -1;
  return fd;
}

int strict_demo(struct peer_conn *pc);
int strict_demo(struct peer_conn *pc) {
  int fd = -1;
  int r = peer_connect(pc) + peer_connect_errno(&pc->addr, &fd);
  peer_on_timer(pc);
  r += peer_connect_ok(pc) + peer_connect_wait(pc);
  return r + peer_connect_blocking(&pc->addr) + fd;
}
