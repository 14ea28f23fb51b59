// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A netlink socket exists only on Linux, where EAGAIN and EWOULDBLOCK are
// one value: a test of EAGAIN alone on it is portable as written (reduced
// from OpenVPN's route code, which opens the socket in a helper and retries
// its recvmsg() on EINTR or EAGAIN). Twin: the same loop on a socket of
// another family, made non-blocking by the same kind of helper, is
// reported. A packet socket (AF_PACKET) is Linux's too (lldpd's
// interfaces-linux.c reads LLDP frames from one; the BSDs use BPF).
// The kernel headers are included under #ifdef __linux__, as a portable
// file includes them: included outside any #if they would make the whole
// file Linux-only (nbio-eagain-ewouldblock-linux-only-file.c), and the
// twins would be quiet for that reason instead.

#include <arpa/inet.h>
#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/if_ether.h>
#include <linux/netlink.h>
#endif

static int rtnl_open(void) {
  int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  if (fd < 0)
    return fd;
  return fd;
}

int rtnl_talk(char *buf, size_t n) {
  int fd = rtnl_open();
  for (;;) {
    ssize_t r = recv(fd, buf, n, 0);
    if (r < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return -1;
    }
    return (int)r;
  }
}

static int lldp_open(void) {
  return socket(PF_PACKET, SOCK_RAW | SOCK_NONBLOCK, htons(ETH_P_ALL));
}

int lldp_recv(char *buf, size_t n) {
  int fd = lldp_open();
  ssize_t r;
  do {
    r = recv(fd, buf, n, 0);
  } while (r < 0 && errno == EINTR);
  if (r < 0 && errno == EAGAIN)
    return 0;
  return (int)r;
}

// Twin: an IPv6 datagram socket (non-blocking: a blocking one without a
// timeout would fail with neither name, and its test would be dead code).
static int udp6_open(void) {
  int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  return fd;
}

int udp6_talk(char *buf, size_t n) {
  int fd = udp6_open();
  for (;;) {
    ssize_t r = recv(fd, buf, n, 0);
    if (r < 0) {
      if (errno == EINTR || errno == EAGAIN)
        // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
        // CHECK-FIXES: {{^}}      if (errno == EINTR || (errno == EAGAIN ||{{$}}
        // CHECK-FIXES-NEXT: {{^}}                             (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
        continue;
      return -1;
    }
    return (int)r;
  }
}
