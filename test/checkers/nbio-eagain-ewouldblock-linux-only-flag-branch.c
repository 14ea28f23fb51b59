// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --prefix=FALLBACK %s nbio-eagain-ewouldblock -- -include %S/Inputs/linux-macro-fallbacks.h

// A test of EAGAIN alone in the first branch of `#ifdef MSG_MORE`: only
// Linux's C libraries define that flag, so the branch is built only where
// EAGAIN and EWOULDBLOCK are one value (libowfat's iob_send() corks its
// sends with MSG_MORE there, and has a portable `#else`). Twins, still
// reported: the same branch where a project header (given with -include)
// defines MSG_MORE for systems without it (FALLBACK: then the branch is
// built everywhere), and
// a branch on TCP_CORK, which this file itself defines where it is
// missing. A test after the `#endif` is reported too
// (nbio-eagain-ewouldblock-linux-only-branch.c).

#define _DEFAULT_SOURCE 1
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

#ifndef TCP_CORK
#define TCP_CORK 3
#endif

int send_corked(int s, const void *b, size_t n) {
  ssize_t r;
#ifdef MSG_MORE
  r = send(s, b, n, MSG_MORE | MSG_DONTWAIT);
  if (r == -1 && errno == EAGAIN)
    // FALLBACK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'send' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // FALLBACK-FIXES: {{^}}  if (r == -1 && (errno == EAGAIN ||{{$}}
    // FALLBACK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
#else
  r = send(s, b, n, MSG_DONTWAIT);
  if (r == -1 && errno == EAGAIN)
    return 0;
#endif
  return (int)r;
}

int send_with_cork(int s, const void *b, size_t n) {
  ssize_t r = 0;
#if defined(TCP_CORK)
  int on = 1;
  setsockopt(s, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
  r = send(s, b, n, MSG_DONTWAIT);
  if (r == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'send' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r == -1 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    // FALLBACK-MESSAGES: :[[@LINE-4]]:18: warning: errno from 'send' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // FALLBACK-FIXES: {{^}}  if (r == -1 && (errno == EAGAIN ||{{$}}
    // FALLBACK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
#endif
  return (int)r;
}
