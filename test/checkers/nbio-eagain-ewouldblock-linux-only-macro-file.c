// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17
// RUN: %check_nbio --prefix=FALLBACK %s nbio-eagain-ewouldblock -- -DWITH_FALLBACKS -I %S/Inputs

// A file whose code needs a socket macro that only Linux's C libraries
// define (SOL_IP here, outside any #if) builds only on Linux, where EAGAIN
// and EWOULDBLOCK are one value: a test of one name there is portable as
// written (mdns-scan's query.c reads the TTL of a multicast reply from a
// SOL_IP control message and tests EAGAIN alone after sendmsg/recvmsg on
// its non-blocking socket). Twin, still reported (FALLBACK): the same file
// with a project header that defines SOL_IP where the C library does not,
// even in a branch skipped on Linux, so the file is meant to build
// elsewhere too. nbio-eagain-ewouldblock-linux-only-macro-guarded.c holds
// the other twins (the macro used under an #if, or defined by the file).

#define _DEFAULT_SOURCE 1
#ifdef WITH_FALLBACKS
#include "linux-macro-fallbacks.h"
#endif
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

int query_send(int fd, const char *q, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  struct iovec iov = {(void *)q, n};
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  if (sendmsg(fd, &m, 0) < 0) {
    if (errno != EAGAIN)
      // FALLBACK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'sendmsg' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // FALLBACK-FIXES: {{^}}    if (errno != EAGAIN && (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK)){{$}}
      return -1;
    return 0;
  }
  return 1;
}

int reply_ttl(int fd, char *buf, size_t n) {
  char control[64];
  struct iovec iov = {buf, n};
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  m.msg_control = control;
  m.msg_controllen = sizeof control;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (recvmsg(fd, &m, 0) < 0) {
    switch (errno) {
    case EWOULDBLOCK:
      // FALLBACK-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'recvmsg' on 'fd' is handled for EWOULDBLOCK but not for EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // FALLBACK-FIXES: {{^}}#if EWOULDBLOCK != EAGAIN{{$}}
      // FALLBACK-FIXES-NEXT: {{^}}    case EAGAIN:{{$}}
      // FALLBACK-FIXES-NEXT: {{^}}#endif{{$}}
      // FALLBACK-FIXES-NEXT: {{^}}    case EWOULDBLOCK:{{$}}
      return 0;
    default:
      return -1;
    }
  }
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
    if (c->cmsg_level == SOL_IP && c->cmsg_type == IP_TTL)
      return *(int *)CMSG_DATA(c);
  return -1;
}
