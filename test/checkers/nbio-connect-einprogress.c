// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// A client of an event loop starts outgoing connections on non-blocking
// sockets. connect() then fails with EINPROGRESS while the handshake runs;
// a failure path that closes the socket without looking at errno drops
// every connection that is not accepted instantly.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

// A project macro that tests errno; its name starts like an error constant.
#define ERR_CONNECT_PENDING(e) ((e) == EINPROGRESS || (e) == EALREADY)

enum client_state { CL_IDLE, CL_CONNECTING, CL_READY, CL_FAILED };

struct client {
  int fd;
  enum client_state state;
  struct sockaddr_in peer;
  unsigned retries;
};

static void client_free(struct client *c) {
  if (c->fd >= 0)
    close(c->fd);
  c->fd = -1;
  c->state = CL_FAILED;
}

// Finishing a connection that is in progress: the outcome is in SO_ERROR.
static int client_finish(struct client *c) {
  int soerr = 0;
  socklen_t len = sizeof soerr;
  if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0 || soerr) {
    client_free(c);
    return -1;
  }
  c->state = CL_READY;
  return 0;
}

// --- Positive cases --------------------------------------------------------

// Created non-blocking, closed on any failure.
static int client_open(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
// CHECK-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {

// Made non-blocking with fcntl; the owner is torn down on failure.
static int client_start(struct client *c) {
  c->fd = socket(AF_INET, SOCK_STREAM, 0);
  if (c->fd < 0)
    return -1;
  int flags = fcntl(c->fd, F_GETFL, 0);
  if (flags < 0 || fcntl(c->fd, F_SETFL, flags | O_NONBLOCK) < 0) {
    client_free(c);
    return -1;
  }
  int rc = connect(c->fd, (const struct sockaddr *)&c->peer, sizeof c->peer);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'connect' on non-blocking fd 'c->fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  if (rc != 0) {
    c->retries++;
    client_free(c);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'client_free' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'c->fd' was made non-blocking here
    return -1;
  }
  c->state = CL_READY;
  return 0;
}
// CHECK-FIXES: int rc = nbio_connect_wait(connect(c->fd, (const struct sockaddr *)&c->peer, sizeof c->peer), c->fd, 5000);

// A forward goto to the clean-up label.
static int client_open_goto(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    goto out;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) == -1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    goto fail;
  return fd;
fail:
  close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :[[@LINE-10]]:12: note: 'socket' creates a non-blocking descriptor here
out:
  return -1;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) == -1)

// Trying every address of a name: each in-progress attempt is thrown away.
static int client_dial(const char *host, const char *port) {
  struct addrinfo hints, *res = NULL, *ai;
  int fd = -1;
  hints.ai_flags = 0;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_protocol = 0;
  hints.ai_addrlen = 0;
  hints.ai_addr = NULL;
  hints.ai_canonname = NULL;
  hints.ai_next = NULL;
  if (getaddrinfo(host, port, &hints, &res) != 0)
    return -1;
  for (ai = res; ai != NULL; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK, ai->ai_protocol);
    if (fd < 0)
      continue;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
      break;
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-8]]:10: note: 'socket' creates a non-blocking descriptor here
    fd = -1;
  }
  freeaddrinfo(res);
  return fd;
}
// CHECK-FIXES: if (nbio_connect_wait(connect(fd, ai->ai_addr, ai->ai_addrlen), fd, 5000) == 0)

// --- Negative cases --------------------------------------------------------

// A blocking socket: connect() waits for the handshake itself.
static int client_open_blocking(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Non-blocking, but O_NONBLOCK is cleared again before connecting.
static int client_open_cleared(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// EINPROGRESS tested before closing, then waited for and read back.
static int client_start_ok(struct client *c) {
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (c->fd < 0)
    return -1;
  if (connect(c->fd, (const struct sockaddr *)&c->peer, sizeof c->peer) < 0) {
    if (errno != EINPROGRESS) {
      client_free(c);
      return -1;
    }
    struct pollfd p;
    p.fd = c->fd;
    p.events = POLLOUT;
    p.revents = 0;
    if (poll(&p, 1, 5000) != 1) {
      client_free(c);
      return -1;
    }
    return client_finish(c);
  }
  c->state = CL_READY;
  return 0;
}

// The same test in a switch.
static int client_open_switch(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    switch (errno) {
    case EINPROGRESS:
    case EINTR:
      return fd;
    default:
      close(fd);
      return -1;
    }
  }
  return fd;
}

// The failure is handed to the caller: not this check's business unless
// StrictPropagation is on (see nbio-connect-einprogress-strict-propagation.c).
static int client_open_propagate(const struct sockaddr_in *sa, int *out) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  *out = fd;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0)
    return -1;
  return 0;
}

// The test spelled through the project's macro.
static int client_open_macro(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0 &&
      !ERR_CONNECT_PENDING(errno)) {
    close(fd);
    return -1;
  }
  return fd;
}

// A local control socket: AF_UNIX stream connects complete at once or fail
// with EAGAIN, never EINPROGRESS.
static int control_open(const char *path) {
  struct sockaddr_un un;
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  memset(&un, 0, sizeof un);
  un.sun_family = AF_UNIX;
  strncpy(un.sun_path, path, sizeof un.sun_path - 1);
  if (connect(fd, (struct sockaddr *)&un, sizeof un) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int client_demo(struct client *c, const char *host);
int client_demo(struct client *c, const char *host) {
  int fd = -1;
  int r = client_open(&c->peer) + client_start(c) + client_open_goto(&c->peer);
  r += client_dial(host, "80") + client_open_blocking(&c->peer);
  r += client_open_cleared(&c->peer) + client_start_ok(c);
  r += client_open_switch(&c->peer) + client_open_propagate(&c->peer, &fd);
  r += client_open_macro(&c->peer) + control_open("/run/client.sock");
  return r + fd;
}
