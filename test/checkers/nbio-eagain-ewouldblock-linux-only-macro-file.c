// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock -- -I %S/Inputs
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17 -I %S/Inputs
// RUN: %check_nbio --prefix=FALLBACK %s nbio-eagain-ewouldblock -- -I %S/Inputs -include %S/Inputs/linux-macro-fallbacks.h
// RUN: %check_nbio --prefix=FALLBACK %s nbio-eagain-ewouldblock -- -I %S/Inputs -include %S/Inputs/linux-macro-last-token.h
// RUN: %check_nbio --prefix=FALLBACK --no-compile-fixed %s nbio-eagain-ewouldblock -- -I %S/Inputs -fmodules -fimplicit-module-maps -fmodules-cache-path=%t.modules

// A file whose code needs a socket macro that only Linux's C libraries
// define (SOL_IP here, outside any #if) builds only on Linux, where EAGAIN
// and EWOULDBLOCK are one value: a test of one name there is portable as
// written (mdns-scan's query.c reads the TTL of a multicast reply from a
// SOL_IP control message and tests EAGAIN alone after sendmsg/recvmsg on
// its non-blocking socket). Twin, still reported (FALLBACK): the same file
// with a project header (given with -include) that defines SOL_IP where
// the C library does not, in a branch skipped on Linux, so the file is
// meant to build elsewhere too; the same with a header that names SOL_IP
// as its very last token. The other twins:
// nbio-eagain-ewouldblock-linux-only-macro-guarded.c (the macro used under
// an #if, or defined by the file), -unseen.c (a header included only on
// other systems), -declared.c (an enumerator for other systems) and
// -wrapper.c (a use inside the project's own macro). With clang modules
// the rule is off, as a module's text cannot be read for a fallback: the
// tests are reported as with FALLBACK (whose run compiles the fixed file;
// gcc knows no C modules).

#define _DEFAULT_SOURCE 1
// The project's header, included on Windows and elsewhere alike: the one
// Linux skips is the one it reads.
#ifdef _WIN32
#include <winsock2.h>
#include "probe-common.h"
#else
#include "probe-common.h"
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
