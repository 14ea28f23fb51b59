// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --prefix=CHECK-V4 %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.NonBlockingFunctions: "set_flags:0:1:1"}}'
// RUN: %check_nbio --prefix=CHECK-V6 %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.NonBlockingFunctions: "set_flags:0:1:1"}}' -- -std=c11 -DUSE_IPV6
// RUN: %check_nbio --lang=c++ --prefix=CHECK-V6 %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.NonBlockingFunctions: "set_flags:0:1:1"}}' -- -std=c++17 -DUSE_IPV6
// RUN: %check_nbio --prefix=CHECK-FIXED %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.NonBlockingFunctions: "set_flags:0:1:1"}}' -- -std=c11 -DUSE_IPV6 -DFIXED
// RUN: %check_nbio --lang=c++ --prefix=CHECK-FIXED %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.NonBlockingFunctions: "set_flags:0:1:1"}}' -- -std=c++17 -DUSE_IPV6 -DFIXED

// Regression test shaped after bstansell/conserver pull request 37 ("fix
// host consoles in combination --with-ipv6"): a console server connects to
// network consoles on non-blocking sockets. The IPv4 code let EINPROGRESS
// through; the IPv6 code, which walks the getaddrinfo() results, closed
// the socket on every connect() failure, so no IPv6-enabled build could
// reach a host console that did not accept at once. Written from the
// description, not from conserver's code.
//
// set_flags() lives in another file of the project, so the runs name it
// with NonBlockingFunctions. CHECK-V4 (IPv4 build) and CHECK-FIXED (IPv6
// build with the fix) expect no diagnostic.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum console_state { CON_DOWN, CON_CONNECTING, CON_UP };

struct console {
  const char *server;
  const char *host;
  unsigned short port;
  int cofile;
  enum console_state state;
};

// Sets the `set` flags and clears the `clear` flags on fd (util.c).
int set_flags(int fd, int set, int clear);

static void console_down(struct console *ce) {
  if (ce->cofile >= 0)
    close(ce->cofile);
  ce->cofile = -1;
  ce->state = CON_DOWN;
}

// Called when the event loop sees the console's socket writable.
int console_host_ready(struct console *ce);
int console_host_ready(struct console *ce) {
  int soerr = 0;
  socklen_t len = sizeof soerr;
  if (getsockopt(ce->cofile, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0 ||
      soerr != 0) {
    fprintf(stderr, "[%s] connect to %s: %s\n", ce->server, ce->host,
            strerror(soerr ? soerr : errno));
    console_down(ce);
    return -1;
  }
  ce->state = CON_UP;
  return 0;
}

int console_open_host(struct console *ce);
int console_open_host(struct console *ce) {
#ifdef USE_IPV6
  struct addrinfo hints, *res = NULL, *rp;
  char serv[8];
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  snprintf(serv, sizeof serv, "%u", (unsigned)ce->port);
  if (getaddrinfo(ce->host, serv, &hints, &res) != 0)
    return -1;
  ce->cofile = -1;
  for (rp = res; rp != NULL; rp = rp->ai_next) {
    int fd = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
    if (fd < 0)
      continue;
    if (set_flags(fd, O_NONBLOCK, 0) < 0)
      goto next;
#ifndef FIXED
    if (connect(fd, rp->ai_addr, rp->ai_addrlen) == 0) {
      // CHECK-V6-MESSAGES: :[[@LINE-1]]:9: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
      ce->cofile = fd;
      break;
    }
#else
    if (connect(fd, rp->ai_addr, rp->ai_addrlen) == 0 || errno == EINPROGRESS) {
      ce->cofile = fd;
      break;
    }
#endif
    fprintf(stderr, "[%s] %s:%s connect(%d): %s\n", ce->server, ce->host, serv,
            fd, strerror(errno));
  next:
    close(fd);
    // CHECK-V6-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-V6-MESSAGES: :[[@LINE-19]]:9: note: 'fd' was made non-blocking here
  }
  freeaddrinfo(res);
  if (ce->cofile < 0) {
    ce->state = CON_DOWN;
    return -1;
  }
#else
  struct sockaddr_in port;
  struct hostent *he = gethostbyname(ce->host);
  if (he == NULL || he->h_addrtype != AF_INET)
    return -1;
  memset(&port, 0, sizeof port);
  port.sin_family = AF_INET;
  port.sin_port = htons(ce->port);
  memcpy(&port.sin_addr, he->h_addr_list[0], sizeof port.sin_addr);
  ce->cofile = socket(AF_INET, SOCK_STREAM, 0);
  if (ce->cofile < 0)
    return -1;
  if (set_flags(ce->cofile, O_NONBLOCK, 0) < 0) {
    console_down(ce);
    return -1;
  }
  if (connect(ce->cofile, (struct sockaddr *)&port, sizeof port) < 0) {
    if (errno != EINPROGRESS) {
      fprintf(stderr, "[%s] connect(%d): %s: forcing down\n", ce->server,
              ce->cofile, strerror(errno));
      console_down(ce);
      return -1;
    }
  }
#endif
  ce->state = CON_CONNECTING;
  return 0;
}
// CHECK-V6-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-V6-FIXES: if (nbio_connect_wait(connect(fd, rp->ai_addr, rp->ai_addrlen), fd, 5000) == 0) {
