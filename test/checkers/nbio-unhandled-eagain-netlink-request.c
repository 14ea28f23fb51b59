// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A message sent on a netlink socket of a kernel protocol goes to the
// kernel, which takes it in the sender's context: the send never waits, so
// even on a non-blocking socket its -1 is a real failure, not EAGAIN.
// Reduced from keepalived's process tracking (a NETLINK_CONNECTOR socket
// opened with SOCK_NONBLOCK; subscribing sends one message and gives up on
// -1) and lldpd's route queries. Twins still reported: a receive on the
// same socket (the kernel's answers may not be there yet), a
// NETLINK_USERSOCK socket (its peer is another process), and the same send
// on a local datagram socket.

#include <errno.h>
#include <linux/netlink.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

static int nl_sock = -1;

static int open_connector(void) {
  int s = socket(PF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
                 NETLINK_CONNECTOR);
  return s;
}

static int subscribe(int s, bool on) {
  char msg[64];
  memset(msg, 0, sizeof msg);
  msg[0] = on;
  if (send(s, msg, sizeof msg, 0) == -1)
    return -1;
  return 0;
}

bool start_tracking(void) {
  nl_sock = open_connector();
  if (nl_sock < 0)
    return false;
  if (subscribe(nl_sock, true) == -1) {
    close(nl_sock);
    nl_sock = -1;
    return false;
  }
  return true;
}

int route_query(const void *req, size_t len) {
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK, NETLINK_ROUTE);
  if (fd < 0)
    return -1;
  if (sendto(fd, req, len, 0, NULL, 0) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// --- Still reported ----------------------------------------------------------

int route_answer(char *buf, size_t n) {
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK, NETLINK_ROUTE);
  if (fd < 0)
    return -1;
  ssize_t got = recv(fd, buf, n, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (got <= 0) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-8]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}

int user_peer_send(const void *msg, size_t len) {
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK, NETLINK_USERSOCK);
  if (fd < 0)
    return -1;
  if (send(fd, msg, len, 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}

int local_datagram_send(const void *msg, size_t len) {
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (send(fd, msg, len, 0) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
