// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17
// RUN: %check_nbio --prefix=CHECK-STRICT %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.StrictPropagation: true}}'
// RUN: %check_nbio --lang=c++ --prefix=CHECK-STRICT %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.StrictPropagation: true}}' -- -std=c++17
// RUN: %check_nbio --prefix=CHECK-FIXED %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.StrictPropagation: true}}' -- -std=c11 -DFIXED
// RUN: %check_nbio --lang=c++ --prefix=CHECK-FIXED %s nbio-connect-einprogress -- -std=c++17 -DFIXED

// Regression test shaped after performancecopilot/pcp pull request 1070
// ("fix for EINPROGRESS in __pmConnect()"): the library's connect helper
// was used on sockets its callers had made non-blocking, and returned
// -errno whenever connect() failed, EINPROGRESS included, so callers gave
// up on connections that were merely still being set up. The fix waits
// for the socket to become writable and reads the outcome with
// getsockopt(SO_ERROR). Written from the description, not from pcp's code.
//
// The helper hands the failure back instead of closing the socket itself,
// so only StrictPropagation reports the buggy version; the default runs
// (and every run of the FIXED version) expect no diagnostic.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

struct pm_host {
  struct sockaddr_in addr;
  int timeout_ms;
  int fd;
};

#ifndef FIXED
static int pm_connect(int fd, const struct sockaddr *addr, socklen_t len) {
  if (connect(fd, addr, len) < 0)
    // CHECK-STRICT-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    return -errno;
    // CHECK-STRICT-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, the failure is returned here
    // CHECK-STRICT-MESSAGES: :[[@LINE+35]]:20: note: 'fd' was made non-blocking here
  return 0;
}
// CHECK-STRICT-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-STRICT-FIXES: if (nbio_connect_wait(connect(fd, addr, len), fd, 5000) < 0)
#else
static int pm_connect(int fd, const struct sockaddr *addr, socklen_t len,
                      int timeout_ms) {
  if (connect(fd, addr, len) == 0)
    return 0;
  if (errno != EINPROGRESS)
    return -errno;
  struct pollfd p;
  p.fd = fd;
  p.events = POLLOUT;
  p.revents = 0;
  int n = poll(&p, 1, timeout_ms);
  if (n == 0)
    return -ETIMEDOUT;
  if (n < 0)
    return -errno;
  int soerr = 0;
  socklen_t slen = sizeof soerr;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &slen) < 0)
    return -errno;
  return soerr ? -soerr : 0;
}
#endif

int pm_connect_to(struct pm_host *h);
int pm_connect_to(struct pm_host *h) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -errno;
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
    int sts = -errno;
    close(fd);
    return sts;
  }
#ifndef FIXED
  int sts = pm_connect(fd, (const struct sockaddr *)&h->addr, sizeof h->addr);
#else
  int sts = pm_connect(fd, (const struct sockaddr *)&h->addr, sizeof h->addr,
                       h->timeout_ms);
#endif
  if (sts < 0) {
    close(fd);
    return sts;
  }
  h->fd = fd;
  return 0;
}
