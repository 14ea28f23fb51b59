// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17
// RUN: %check_nbio %s nbio-connect-einprogress -- -std=c11 -DASKS_SO_TYPE
// RUN: %check_nbio %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.CheckSoErrorReadback: false}}' --prefix=CHECK-NOREADBACK
// RUN: %check_nbio --prefix=CHECK-READBACK %s nbio-connect-einprogress -- -std=c11 -DREADS_SO_ERROR
// RUN: %check_nbio --lang=c++ --prefix=CHECK-READBACK %s nbio-connect-einprogress -- -std=c++17 -DREADS_SO_ERROR
// RUN: %check_nbio --prefix=CHECK-NOWAIT %s nbio-connect-einprogress -- -std=c11 -DNO_WAIT
// RUN: %check_nbio --prefix=CHECK-READBACK %s nbio-connect-einprogress -- -std=c11 -DREADS_SO_ERROR_VIA_HELPER
// RUN: %check_nbio %s nbio-connect-einprogress -- -std=c11 -DASKS_SO_RCVBUF_VIA_HELPER

// Code that lets EINPROGRESS through but never asks the socket how the
// connection attempt ended: once poll() reports it writable, a refused or
// timed-out connection looks just like a good one until the first write.
// The CHECK-NOREADBACK, CHECK-READBACK and CHECK-NOWAIT runs expect no
// diagnostic at all: with the option off, with a getsockopt(SO_ERROR)
// somewhere in the file, or when nothing in the file waits for readiness
// (the read-back then usually sits next to the event loop, elsewhere).
// A getsockopt for another option (ASKS_SO_TYPE) does not count. Nor does
// the project's own getsockopt wrapper asked for another option
// (ASKS_SO_RCVBUF_VIA_HELPER); asked for SO_ERROR
// (READS_SO_ERROR_VIA_HELPER, chrony's SCK_GetIntOption), it reads the
// outcome back.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

struct link {
  int fd;
  struct sockaddr_in peer;
  int up;
};

// --- Positive cases --------------------------------------------------------

// Waits for writability and takes that as success.
static int link_open(struct link *l) {
  l->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (l->fd < 0)
    return -1;
  if (connect(l->fd, (const struct sockaddr *)&l->peer, sizeof l->peer) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'l->fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
    if (errno != EINPROGRESS) {
      close(l->fd);
      return -1;
    }
#ifndef NO_WAIT
    struct pollfd p;
    p.fd = l->fd;
    p.events = POLLOUT;
    p.revents = 0;
    if (poll(&p, 1, 3000) != 1) {
      close(l->fd);
      return -1;
    }
#endif
  }
  l->up = 1;
  return 0;
}

// Hands the in-progress socket to the event loop, which never checks it.
static int link_open_async(struct link *l) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  int rc = connect(fd, (const struct sockaddr *)&l->peer, sizeof l->peer);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
  if (rc < 0) {
    switch (errno) {
    case EINPROGRESS:
      break;
    default:
      close(fd);
      return -1;
    }
  }
  l->fd = fd;
  return 0;
}

// --- Negative cases --------------------------------------------------------

// A blocking socket: connect() has the outcome already.
static int link_open_blocking(struct link *l) {
  l->fd = socket(AF_INET, SOCK_STREAM, 0);
  if (l->fd < 0)
    return -1;
  if (connect(l->fd, (const struct sockaddr *)&l->peer, sizeof l->peer) < 0 &&
      errno != EINPROGRESS) {
    close(l->fd);
    return -1;
  }
  return 0;
}

#ifdef READS_SO_ERROR
// Run when the event loop reports the socket writable.
int link_on_writable(struct link *l);
int link_on_writable(struct link *l) {
  int soerr = 0;
  socklen_t len = sizeof soerr;
  if (getsockopt(l->fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0 || soerr != 0) {
    close(l->fd);
    l->fd = -1;
    return -1;
  }
  l->up = 1;
  return 0;
}
#endif

#if defined(READS_SO_ERROR_VIA_HELPER) || defined(ASKS_SO_RCVBUF_VIA_HELPER)
int sock_get_int(int fd, int level, int name, int *value);
#endif

#ifdef READS_SO_ERROR_VIA_HELPER
int link_on_writable(struct link *l);
int link_on_writable(struct link *l) {
  int soerr = 0;
  if (!sock_get_int(l->fd, SOL_SOCKET, SO_ERROR, &soerr) || soerr != 0) {
    close(l->fd);
    l->fd = -1;
    return -1;
  }
  l->up = 1;
  return 0;
}
#endif

#ifdef ASKS_SO_RCVBUF_VIA_HELPER
int link_rcvbuf(struct link *l);
int link_rcvbuf(struct link *l) {
  int size = 0;
  return sock_get_int(l->fd, SOL_SOCKET, SO_RCVBUF, &size) ? size : -1;
}
#endif

#ifdef ASKS_SO_TYPE
int link_is_stream(struct link *l);
int link_is_stream(struct link *l) {
  int type = 0;
  socklen_t len = sizeof type;
  return getsockopt(l->fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
         type == SOCK_STREAM;
}
#endif

int link_demo(struct link *l);
int link_demo(struct link *l) {
  return link_open(l) + link_open_async(l) + link_open_blocking(l);
}
