// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A test of EAGAIN alone in the first branch of `#ifdef MSG_MORE` or
// `#ifdef __linux__` (`#if defined(__linux__)`): the branch is built only
// where those macros exist, on Linux, where EAGAIN and EWOULDBLOCK are one
// value. Reduced from libowfat's iob_send() (io/iob_send.c), whose
// MSG_MORE branch sends the headers with sendmsg() and tests EAGAIN.
// Twins, still reported: the same test after the `#endif`, under a
// condition that other systems meet too (`|| defined(__FreeBSD__)`), and
// under `#ifndef __APPLE__`.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

int send_headers(int s, const void *b, size_t n) {
  ssize_t r = 0;
#ifdef MSG_MORE
  r = send(s, b, n, MSG_MORE | MSG_DONTWAIT);
  if (r == -1 && errno == EAGAIN)
    return 0;
#endif
  return (int)r;
}

int send_linux(int s, const void *b, size_t n) {
  ssize_t r = 0;
#if defined(__linux__)
  r = send(s, b, n, MSG_DONTWAIT);
  if (r == -1 && errno == EAGAIN)
    return 0;
#endif
  return (int)r;
}

// Twin: after the `#endif`.
int send_after(int s, const void *b, size_t n) {
  ssize_t r;
#ifdef MSG_MORE
  r = send(s, b, n, MSG_MORE | MSG_DONTWAIT);
#else
  r = send(s, b, n, MSG_DONTWAIT);
#endif
  if (r == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'send' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r == -1 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)r;
}

// Twin: a condition that FreeBSD meets too.
int send_unix(int s, const void *b, size_t n) {
  ssize_t r = 0;
#if defined(__linux__) || defined(__FreeBSD__)
  r = send(s, b, n, MSG_DONTWAIT);
  if (r == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'send' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r == -1 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
#endif
  return (int)r;
}

// Twin: every system but one.
int send_not_apple(int s, const void *b, size_t n) {
  ssize_t r = 0;
#ifndef __APPLE__
  r = send(s, b, n, MSG_DONTWAIT);
  if (r == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'send' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r == -1 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
#endif
  return (int)r;
}
