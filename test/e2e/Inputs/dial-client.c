/* A client that starts a TCP connection on a non-blocking socket and treats
 * connect()'s -1 as a failure: on EINPROGRESS (the usual answer, even on
 * loopback) it closes the socket and gives up, so it never connects.
 *
 * `dial-client open` listens on an ephemeral loopback port itself, dials
 * it, sends a message and prints whether the listener received it;
 * `dial-client closed` dials a loopback port nobody listens on and prints
 * why the connection failed.
 *
 * Used by ../connect-einprogress-client.test: run as is, then after
 * nbio-connect-einprogress's fix-it (which waits for the handshake and
 * reads its outcome back) has been applied. */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char message[] = "hello over a non-blocking connect";

/* The connection to 127.0.0.1:port, or -1 with the reason printed. */
static int dial(unsigned short port) {
  struct sockaddr_in sa;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons(port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (const struct sockaddr *)&sa, sizeof sa) < 0) {
    printf("dial: connect failed: %s\n", strerror(errno));
    close(fd);
    return -1;
  }
  return fd;
}

/* A socket bound to an ephemeral loopback port, listening or not. */
static int bound_socket(unsigned short *port, int listening) {
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || bind(fd, (const struct sockaddr *)&sa, sizeof sa) < 0 ||
      getsockname(fd, (struct sockaddr *)&sa, &len) < 0 ||
      (listening && listen(fd, 4) < 0)) {
    perror("listener");
    return -1;
  }
  *port = ntohs(sa.sin_port);
  return fd;
}

int main(int argc, char **argv) {
  unsigned short port = 0;
  int open_port = argc > 1 && strcmp(argv[1], "open") == 0;
  int lfd = bound_socket(&port, open_port);
  if (lfd < 0)
    return 2;
  alarm(10);
  if (!open_port)
    close(lfd); /* nobody listens there any more */
  int fd = dial(port);
  if (fd < 0) {
    printf("result: not connected\n");
    return 1;
  }
  /* The connection is established: the listener's backlog holds it. */
  if (send(fd, message, sizeof message, MSG_NOSIGNAL) != (ssize_t)sizeof message) {
    perror("send");
    return 1;
  }
  int peer = accept(lfd, NULL, NULL);
  char got[sizeof message];
  size_t have = 0;
  while (peer >= 0 && have < sizeof got) {
    ssize_t n = recv(peer, got + have, sizeof got - have, 0);
    if (n <= 0)
      break;
    have += (size_t)n;
  }
  int delivered = have == sizeof got && memcmp(got, message, sizeof got) == 0;
  printf("result: connected, message %s\n",
         delivered ? "delivered" : "lost");
  return delivered ? 0 : 1;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
