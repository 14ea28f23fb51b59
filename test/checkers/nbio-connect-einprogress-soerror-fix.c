// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --fix-notes %s nbio-connect-einprogress
// RUN: %check_nbio --fix-notes --lang=c++ %s nbio-connect-einprogress -- -std=c++17
// RUN: %check_nbio --prefix=CHECK-NOTES-OFF %s nbio-connect-einprogress

// The SO_ERROR diagnostic's note carries a fix where the function itself
// waits for writability after the connect: the read-back joins the wait's
// test, so the branch taken when the wait fails is also taken when the
// connection failed (with errno set to why). It is a fix on the note, as
// clangd offers it and `clang-tidy --fix-notes` applies it; plain --fix
// changes nothing (the CHECK-NOTES-OFF run).

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <netinet/in.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <sys/socket.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <unistd.h>{{$}}

struct link {
  int fd;
  struct sockaddr_in peer;
  int up;
};

// The test reads "the wait failed": the read-back is or-ed in.
static int link_open(struct link *l) {
  l->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (l->fd < 0)
    return -1;
  if (connect(l->fd, (const struct sockaddr *)&l->peer, sizeof l->peer) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'l->fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
    // CHECK-NOTES-OFF-MESSAGES: :[[@LINE-3]]:7: warning: the outcome of non-blocking 'connect' on fd 'l->fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    if (errno != EINPROGRESS) {
      close(l->fd);
      return -1;
    }
    struct pollfd p = {l->fd, POLLOUT, 0};
    if (poll(&p, 1, 3000) != 1) {
      close(l->fd);
      return -1;
    }
  }
  l->up = 1;
  return 0;
}
// CHECK-FIXES: {{^}}#ifndef NBIO_CONNECT_FAILED_DEFINED{{$}}
// CHECK-FIXES: {{^}}static int nbio_connect_failed(int fd) {{[{]}}{{$}}
// CHECK-FIXES: {{^}}#endif{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}// The test reads "the wait failed": the read-back is or-ed in.{{$}}
// CHECK-FIXES: {{^}}    if (poll(&p, 1, 3000) != 1 || nbio_connect_failed(l->fd)) {{[{]}}{{$}}

// The test reads "the socket is ready": the read-back is and-ed in.
static int link_open_ready(struct link *l) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int rc = connect(fd, (const struct sockaddr *)&l->peer, sizeof l->peer);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
  // CHECK-NOTES-OFF-MESSAGES: :[[@LINE-3]]:12: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
  if (rc < 0 && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  struct pollfd p = {fd, POLLOUT, 0};
  if (poll(&p, 1, 3000) > 0) {
    l->fd = fd;
    l->up = 1;
    return 0;
  }
  close(fd);
  return -1;
}
// CHECK-FIXES: {{^}}  if (poll(&p, 1, 3000) > 0 && !nbio_connect_failed(fd)) {{[{]}}{{$}}
// The helper is there once.
// CHECK-FIXES-NOT: NBIO_CONNECT_FAILED_DEFINED

// No wait in this function (the event loop waits): a note without a fix.
static int link_open_async(struct link *l) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, (const struct sockaddr *)&l->peer, sizeof l->peer) < 0 &&
      errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
    // CHECK-NOTES-OFF-MESSAGES: :[[@LINE-4]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  l->fd = fd;
  return 0;
}

// A wait whose result is not tested in an `if`: no fix.
static int link_open_sloppy(struct link *l) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, (const struct sockaddr *)&l->peer, sizeof l->peer) < 0 &&
      errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    // CHECK-MESSAGES: :[[@LINE-3]]:7: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
    // CHECK-NOTES-OFF-MESSAGES: :[[@LINE-4]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  struct pollfd p = {fd, POLLOUT, 0};
  (void)poll(&p, 1, 3000);
  l->fd = fd;
  return 0;
}

int link_demo(struct link *l);
int link_demo(struct link *l) {
  return link_open(l) + link_open_ready(l) + link_open_async(l) +
         link_open_sloppy(l);
}
