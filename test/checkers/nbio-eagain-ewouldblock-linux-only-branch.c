// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A test of EAGAIN alone in the first branch of `#ifdef __linux__` (`#if
// defined(__linux__)`): the branch is built only on Linux, where EAGAIN
// and EWOULDBLOCK are one value. Twins, still reported: the same test
// after the `#endif`, under a condition that other systems meet too (`||
// defined(__FreeBSD__)`), under `#ifndef __APPLE__`, in a macro that a
// Linux branch defines but code outside it uses. A branch on a socket flag
// that only Linux defines (`#ifdef MSG_MORE`) is quiet too, unless the
// project defines the flag itself: see
// nbio-eagain-ewouldblock-linux-only-flag-branch.c.

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

// Twin: the macro is defined in a Linux branch, but the code that uses it
// is built everywhere (with the other branch's definition elsewhere).
#ifdef __linux__
#define SOFT_ERROR(e) ((e) == EAGAIN)
#else
#define SOFT_ERROR(e) ((e) == EAGAIN)
#endif

int recv_soft(int s, void *b, size_t n) {
  ssize_t r = recv(s, b, n, MSG_DONTWAIT);
  if (r < 0 && SOFT_ERROR(errno))
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    return 0;
  return (int)r;
}
