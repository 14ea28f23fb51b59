// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A send wrapper that gives sendto() a destination address: only a
// datagram socket takes an address with each send, and a datagram is sent
// whole or not at all, as when the caller calls sendto() itself. Reduced
// from fping: socket_sendto_ping_ipv4(s, addr, len, ...) sends an ICMP
// echo to the host's address on a non-blocking socket whose type (raw or
// datagram) is picked at run time. The address may be the wrapper's own or
// one its caller passes; a caller that passes none (NULL) is reported.

#include <fcntl.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

int open_probe_socket(int type) {
  int fd = socket(AF_INET, type, IPPROTO_ICMP);
  if (fd < 0)
    return -1;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

static ssize_t send_probe(int s, const struct sockaddr *to, socklen_t tolen,
                          const void *pkt, size_t len) {
  return sendto(s, pkt, len, 0, to, tolen);
}

static struct sockaddr_in gateway;
static ssize_t send_to_gateway(int s, const void *pkt, size_t len) {
  return sendto(s, pkt, len, 0, (const struct sockaddr *)&gateway,
                sizeof gateway);
}

struct host {
  struct sockaddr_in addr;
  int sent;
};

int ping_host(int type, struct host *h, const char *pkt, size_t len) {
  int fd = open_probe_socket(type);
  if (send_probe(fd, (const struct sockaddr *)&h->addr, sizeof h->addr, pkt,
                 len) < 0)
    return -1;
  h->sent++;
  return 0;
}

int ping_gateway(int type, const char *pkt, size_t len) {
  int fd = open_probe_socket(type);
  if (send_to_gateway(fd, pkt, len) < 0)
    return -1;
  return 0;
}

// Twin: no address, so the socket may be a connected stream.
int ping_connected(int type, struct host *h, const char *pkt, size_t len) {
  int fd = open_probe_socket(type);
  if (send_probe(fd, NULL, 0, pkt, len) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send_probe' on non-blocking fd 'fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    return -1;
  h->sent++;
  return 0;
}
