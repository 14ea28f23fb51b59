// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// Reduced from xl2tpd 1.3.18 (network.c, xl2tpd.c): an L2TP daemon makes its
// UDP socket and its PPPoL2TP sockets non-blocking, then connect()s them to
// the peer and gives up when connect() fails. On a datagram socket connect()
// only records the peer address: it succeeds or fails at once and never
// with EINPROGRESS, so closing on failure is right. The same code on a
// stream socket must still be reported.

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int udp_peer(const struct sockaddr_in *peer) {
  int ufd = -1;
  if ((ufd = socket(PF_INET, SOCK_DGRAM, 0)) < 0)
    return -1;
  int flags = fcntl(ufd, F_GETFL);
  if (flags == -1 || fcntl(ufd, F_SETFL, flags | O_NONBLOCK) == -1)
    return -1;
  if (connect(ufd, (const struct sockaddr *)peer, sizeof(*peer)) < 0) {
    close(ufd);
    return -1;
  }
  return ufd;
}

int raw_peer(const struct sockaddr_in *peer) {
  int fd = socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK, IPPROTO_ICMP);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)peer, sizeof(*peer)) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// The twin: a TCP socket made non-blocking the same way.
int tcp_peer(const struct sockaddr_in *peer) {
  int tfd = -1;
  if ((tfd = socket(PF_INET, SOCK_STREAM, 0)) < 0)
    return -1;
  int flags = fcntl(tfd, F_GETFL);
  if (flags == -1 || fcntl(tfd, F_SETFL, flags | O_NONBLOCK) == -1)
    return -1;
  if (connect(tfd, (const struct sockaddr *)peer, sizeof(*peer)) < 0) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'tfd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(tfd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :[[@LINE-6]]:22: note: 'tfd' was made non-blocking here
    return -1;
  }
  return tfd;
}
// CHECK-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-FIXES: if (nbio_connect_wait(connect(tfd, (const struct sockaddr *)peer, sizeof(*peer)), tfd, 5000) < 0) {

// A descriptor that holds a datagram socket on one path and a stream socket
// on another is not known to be a datagram socket.
int either_peer(const struct sockaddr_in *peer, int stream) {
  int fd = stream ? socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)
                  : socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)peer, sizeof(*peer)) < 0) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :[[@LINE-8]]:21: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, (const struct sockaddr *)peer, sizeof(*peer)), fd, 5000) < 0) {
