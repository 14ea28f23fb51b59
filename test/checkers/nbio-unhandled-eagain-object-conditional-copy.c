// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// A relay that selects on two descriptors copies the larger into `maxfd`
// with a conditional (`maxfd = c->fd < s ? s : c->fd`, ncat's CONNECT
// tunnel). Each arm is a copy of the object's descriptor, judged as a
// plain `maxfd = c->fd` is: a copy that is only compared keeps the
// object's blocking descriptor blocking. Twins, still reported: a
// conditional copy handed to a function that makes it non-blocking,
// directly, through a second copy, or through a chained assignment.

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct link {
  int fd;
};

static void link_nonblock(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static void link_init(struct link *l, int fd) { l->fd = fd; }

static int link_send(struct link *l, const char *s) {
  return (int)send(l->fd, s, strlen(s), 0);
}

// The field taken by type is non-blocking: an accepted peer's link.
void peer_accept(int lfd, struct link *peer) {
  peer->fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
}

// Quiet: `maxfd` is only compared.
int tunnel(int s) {
  struct link up;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  link_init(&up, fd);
  int maxfd = up.fd < s ? s : up.fd;
  if (maxfd >= FD_SETSIZE || link_send(&up, "hello\r\n") < 0) {
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}

// Reported: the conditional copy is made non-blocking.
int tunnel_async(int s) {
  struct link up;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  link_init(&up, fd);
  int pick = up.fd > s ? up.fd : s;
  link_nonblock(pick);
  if (link_send(&up, "hello\r\n") < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'link_send' on non-blocking fd 'up.fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}

// Reported: the conditional copy is copied again, and that copy is made
// non-blocking.
int tunnel_relayed(int s) {
  struct link up;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  link_init(&up, fd);
  int pick = up.fd > s ? up.fd : s;
  int chosen = pick;
  link_nonblock(chosen);
  if (link_send(&up, "hello\r\n") < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'link_send' on non-blocking fd 'up.fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}

// Reported: a chained assignment copies the field into both variables.
int tunnel_chained(int s) {
  struct link up;
  int a, b;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  link_init(&up, fd);
  a = b = up.fd > s ? up.fd : s;
  link_nonblock(a);
  if (b < 0 || link_send(&up, "hello\r\n") < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'link_send' on non-blocking fd 'up.fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(up.fd);
    return -1;
  }
  close(up.fd);
  return 0;
}
