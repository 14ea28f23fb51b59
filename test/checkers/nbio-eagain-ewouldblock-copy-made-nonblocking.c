// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// A descriptor copied into two fields is one file description: made
// non-blocking through one field, it is non-blocking in the other, and in
// the variable it came from. A field every store fills from a blocking
// socket is shown blocking only if no copy of that socket is made
// non-blocking (one copy deep). Quiet twin: the same two fields, nothing
// made non-blocking.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct link {
  int fd;
};
struct queue {
  int fd;
  unsigned queued;
};
struct peer {
  struct link in;
  struct queue out;
};

// Quiet: both fields hold the same blocking socket.
int peer_flush(struct peer *p) {
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s == -1)
    return -1;
  p->in.fd = s;
  p->out.fd = s;
  if (send(p->out.fd, "x", 1, 0) == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

struct nlink {
  int fd;
};
struct nqueue {
  int fd;
  unsigned queued;
};
struct npeer {
  struct nlink in;
  struct nqueue out;
};

// Reported: the same socket, made non-blocking through the other field.
int npeer_flush(struct npeer *p) {
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s == -1)
    return -1;
  p->in.fd = s;
  p->out.fd = s;
  fcntl(p->in.fd, F_SETFL, fcntl(p->in.fd, F_GETFL) | O_NONBLOCK);
  if (send(p->out.fd, "x", 1, 0) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: errno from 'send' on 'p->out.fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (send(p->out.fd, "x", 1, 0) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                           (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}
