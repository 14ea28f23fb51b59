/* A server whose read handler takes EAGAIN for a dead peer: it closes the
 * connection whenever recv() returns -1, as it does for "no data yet" on a
 * non-blocking socket. The main loop wakes every 50 ms and calls the
 * handler whether or not poll() said the socket was readable (a tick that
 * also runs timers, say), so the first quiet moment drops the client.
 *
 * A child process is the client: it sends two parts 0.3 s apart, then
 * closes. The server prints how many bytes it received and whether it kept
 * the client until the end of its data or dropped it.
 *
 * Used by ../unhandled-eagain-server.test: run as is, then after
 * nbio-unhandled-eagain's note fix that returns on EAGAIN before the
 * branch that closes the connection has been applied. */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char part1[] = "first part of the request, ";
static const char part2[] = "second part after a pause";

struct conn {
  int fd;
  char buf[256];
  size_t have;
  int eof;
};

static void conn_close(struct conn *c) {
  close(c->fd);
  c->fd = -1;
}

/* Called from the loop below; other loops may call it too. */
void on_tick(struct conn *c);
void on_tick(struct conn *c) {
  ssize_t n = recv(c->fd, c->buf + c->have, sizeof c->buf - c->have,
                   MSG_DONTWAIT);
  if (n <= 0) {
    if (n == 0)
      c->eof = 1;
    conn_close(c);
    return;
  }
  c->have += (size_t)n;
}

static void client(unsigned short port) {
  struct sockaddr_in sa;
  struct timespec pause = {0, 300 * 1000 * 1000};
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons(port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || connect(fd, (const struct sockaddr *)&sa, sizeof sa) < 0)
    _exit(2);
  if (send(fd, part1, strlen(part1), MSG_NOSIGNAL) < 0)
    _exit(2);
  nanosleep(&pause, NULL);
  (void)send(fd, part2, strlen(part2), MSG_NOSIGNAL);
  close(fd);
  _exit(0);
}

int main(void) {
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  struct conn c;
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (lfd < 0 || bind(lfd, (const struct sockaddr *)&sa, sizeof sa) < 0 ||
      getsockname(lfd, (struct sockaddr *)&sa, &len) < 0 ||
      listen(lfd, 4) < 0) {
    perror("listen");
    return 2;
  }
  alarm(10);
  pid_t pid = fork();
  if (pid == 0)
    client(ntohs(sa.sin_port));
  memset(&c, 0, sizeof c);
  c.fd = accept(lfd, NULL, NULL);
  while (c.fd >= 0) {
    struct pollfd p = {c.fd, POLLIN, 0};
    (void)poll(&p, 1, 50);
    on_tick(&c);
  }
  waitpid(pid, NULL, 0);
  size_t want = strlen(part1) + strlen(part2);
  printf("received %zu of %zu bytes\n", c.have, want);
  printf("result: %s\n", c.eof && c.have == want
                             ? "kept the client until the end of its data"
                             : "dropped the client");
  return c.eof && c.have == want ? 0 : 1;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
