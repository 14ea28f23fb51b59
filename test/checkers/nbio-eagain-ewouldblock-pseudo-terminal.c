// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A pseudo-terminal's master is a terminal device, never a socket: POSIX
// gives a non-blocking read or write on it EAGAIN alone, so a test of
// EAGAIN by itself is right on every system. The shape of openfortivpn's
// io.c, which writes HDLC frames to the pty that forkpty() gave pppd
// (tunnel.c) and retries on EAGAIN. The master comes from forkpty() or
// openpty() through a pointer (their results are a process id and a
// status, not a descriptor), or from posix_openpt(). Twins still reported:
// a variable that may also hold a socket, a pty fill that runs only after
// the test, and a descriptor handed by its address to some other function.

#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct tunnel {
  int pppd_pty;
  int peer;
};

int tunnel_start(struct tunnel *t) {
  int amaster;
  pid_t pid = forkpty(&amaster, NULL, NULL, NULL);
  if (pid == -1)
    return -1;
  if (pid == 0)
    _exit(0);
  fcntl(amaster, F_SETFL, fcntl(amaster, F_GETFL) | O_NONBLOCK);
  t->pppd_pty = amaster;
  return 0;
}

int tunnel_to_pppd(struct tunnel *t, const char *frame, size_t n) {
  ssize_t w = write(t->pppd_pty, frame, n);
  if (w == -1) {
    if (errno == EAGAIN)
      return 0;
    return -1;
  }
  return (int)w;
}

int local_openpty(const char *b, size_t n) {
  int master, slave;
  if (openpty(&master, &slave, NULL, NULL, NULL) == -1)
    return -1;
  fcntl(master, F_SETFL, O_NONBLOCK);
  fcntl(slave, F_SETFL, O_NONBLOCK);
  if (write(master, b, n) == -1 && errno == EAGAIN)
    return 0;
  if (read(slave, (char *)b, n) == -1 && errno == EAGAIN)
    return 0;
  return 1;
}

int local_posix_openpt(const char *b, size_t n) {
  int m = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
  if (m < 0)
    return -1;
  if (write(m, b, n) == -1 && errno == EAGAIN)
    return 0;
  return 1;
}

// Twin: the field also holds a socket, stored by another function.
void tunnel_adopt(struct tunnel *t, int fd) { t->peer = fd; }

int tunnel_peer_start(struct tunnel *t, int tcp) {
  int amaster;
  if (tcp) {
    t->peer = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    return 0;
  }
  if (forkpty(&amaster, NULL, NULL, NULL) == -1)
    return -1;
  t->peer = amaster;
  return 0;
}

int tunnel_to_peer(struct tunnel *t, const char *frame, size_t n) {
  if (write(t->peer, frame, n) == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: errno from 'write' on 't->peer' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(t->peer, frame, n) == -1 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                         (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return 1;
}

// Twin: a local that holds a socket or a pty master, depending on a flag.
int either(int use_pty, const char *b, size_t n) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (use_pty && openpty(&fd, NULL, NULL, NULL, NULL) == -1)
    return -1;
  if (write(fd, b, n) == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: errno from 'write' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fd, b, n) == -1 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return 1;
}

// Twin: the pty is made after the test; the test reads the socket.
int pty_after(const char *b, size_t n) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (write(fd, b, n) == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: errno from 'write' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fd, b, n) == -1 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  close(fd);
  if (forkpty(&fd, NULL, NULL, NULL) == -1)
    return -1;
  return 1;
}

// Twin: a function that is not openpty() fills the descriptor.
extern int make_channel(int *fd);

int other_filler(const char *b, size_t n) {
  int fd;
  if (make_channel(&fd) == -1)
    return -1;
  if (write(fd, b, n) == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: errno from 'write' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fd, b, n) == -1 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return 1;
}
