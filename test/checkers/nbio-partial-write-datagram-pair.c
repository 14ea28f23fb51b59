// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A datagram is sent whole or not at all, also when the socket comes from
// socketpair() and reaches the write through a struct field and a static
// function's parameter (reduced from OpenVPN's port-share control channel:
// a SOCK_DGRAM pair made non-blocking, its end kept in a field, commands
// sent with sendmsg() by a helper that only logs a failure). Twin: the same
// code over a SOCK_STREAM pair is reported.

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

struct share {
  int ctl;
};

static void share_send(int sd, const char *msg, size_t len) {
  struct iovec iov;
  struct msghdr m;
  iov.iov_base = (void *)msg;
  iov.iov_len = len;
  memset(&m, 0, sizeof m);
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  if (sendmsg(sd, &m, MSG_NOSIGNAL) == -1)
    perror("sendmsg");
}

void share_start(struct share *sh) {
  int pair[2];
  if (socketpair(PF_UNIX, SOCK_DGRAM, 0, pair) == -1)
    return;
  fcntl(pair[0], F_SETFL, O_NONBLOCK);
  sh->ctl = pair[0];
}

void share_redirect(struct share *sh, const char *cmd, size_t n) {
  share_send(sh->ctl, cmd, n);
}

// Twin: a stream pair.
struct relay {
  int ctl;
};

static void relay_send(int sd, const char *msg, size_t len) {
  struct iovec iov;
  struct msghdr m;
  iov.iov_base = (void *)msg;
  iov.iov_len = len;
  memset(&m, 0, sizeof m);
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  if (sendmsg(sd, &m, MSG_NOSIGNAL) == -1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'sendmsg' on non-blocking fd 'sd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the count is only tested for a failure here; a short count passes
    perror("sendmsg");
}
// CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'pair[0]' was made non-blocking here

void relay_start(struct relay *r) {
  int pair[2];
  if (socketpair(PF_UNIX, SOCK_STREAM, 0, pair) == -1)
    return;
  fcntl(pair[0], F_SETFL, O_NONBLOCK);
  r->ctl = pair[0];
}

void relay_forward(struct relay *r, const char *cmd, size_t n) {
  relay_send(r->ctl, cmd, n);
}

// Twin: a socket whose type the program picks at run time may be a stream
// (coturn's test client: `use_tcp ? SOCK_STREAM : SOCK_DGRAM`).
struct probe {
  int fd;
};

int probe_open(struct probe *p, int use_tcp) {
  p->fd = socket(AF_INET, use_tcp ? SOCK_STREAM : SOCK_DGRAM, 0);
  if (p->fd == -1)
    return -1;
  return fcntl(p->fd, F_SETFL, O_NONBLOCK);
}

int probe_send(struct probe *p, const char *msg, size_t n) {
  if (send(p->fd, msg, n, 0) == -1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'p->fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the count is only tested for a failure here; a short count passes
    return -1;
  return 0;
}
// CHECK-MESSAGES: :[[@LINE-10]]:10: note: 'p->fd' was made non-blocking here
