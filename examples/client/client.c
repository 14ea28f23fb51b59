/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
/* Sends a line to the echo server and prints the reply. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netutil.h"

/* MISTAKE (nbio-connect-einprogress): the IPv6 path takes EINPROGRESS for a
   failure (the IPv4 path in netutil.c gets it right). */
static int connect_v6(unsigned short port) {
  int fd = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  struct sockaddr_in6 sa;
  memset(&sa, 0, sizeof sa);
  sa.sin6_family = AF_INET6;
  sa.sin6_port = htons(port);
  sa.sin6_addr = in6addr_loopback;
  if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Correct: wait for the connect to finish, then ask how it went. */
static int wait_connected(int fd) {
  struct pollfd p = {fd, POLLOUT, 0};
  if (poll(&p, 1, 5000) != 1)
    return -1;
  int err = 0;
  socklen_t len = sizeof err;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err != 0)
    return -1;
  return 0;
}

/* MISTAKE (nbio-busy-wait-retry): retries at once on EAGAIN and burns a
   whole core while the socket buffer is full. */
static int send_all(int fd, const char *msg, size_t len) {
  size_t off = 0;
  while (off < len) {
    ssize_t n = send(fd, msg + off, len - off, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        continue;
      return -1;
    }
    off += (size_t)n;
  }
  return 0;
}

/* Correct: waits for readiness before reading again. */
static ssize_t recv_some(int fd, char *buf, size_t cap) {
  for (;;) {
    ssize_t n = recv(fd, buf, cap, 0);
    if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
      return n;
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0)
      return -1;
  }
}

int main(int argc, char **argv) {
  const char *line = argc > 1 ? argv[1] : "hello\n";
  int fd = argc > 2 ? connect_v6(7000) : net_connect(7000);
  if (fd < 0 || wait_connected(fd) < 0) {
    fprintf(stderr, "cannot connect\n");
    return 1;
  }
  if (send_all(fd, line, strlen(line)) < 0)
    return 1;
  char reply[256];
  ssize_t n = recv_some(fd, reply, sizeof reply - 1);
  if (n > 0) {
    reply[n] = '\0';
    fputs(reply, stdout);
  }
  close(fd);
  return 0;
}
