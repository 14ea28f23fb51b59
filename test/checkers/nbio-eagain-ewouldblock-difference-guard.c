// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A test of one name written under `#if EAGAIN == EWOULDBLOCK` (or any
// #if or #elif that names both) is where the project handles the
// difference: the branch taken here is the one where the two are one
// value. Reduced from keepalived's lib/utils.h, whose check_EAGAIN(xx)
// compares with EAGAIN alone under `#if EAGAIN == EWOULDBLOCK` and with
// both names under `#else`. Twins still reported: the same macro with no
// guard, and a guard that names only one of the two.

#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#if EAGAIN == EWOULDBLOCK
#define IS_AGAIN(e) ((e) == EAGAIN)
#else
#define IS_AGAIN(e) ((e) == EAGAIN || (e) == EWOULDBLOCK)
#endif

#define AGAIN_ALONE(e) ((e) == EAGAIN)
// CHECK-FIXES: {{^}}#define AGAIN_ALONE(e) ((e) == EAGAIN || (EWOULDBLOCK != EAGAIN && (e) == EWOULDBLOCK)){{$}}

ssize_t pull_guarded(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = read(fd, buf, n);
  if (r < 0 && IS_AGAIN(errno))
    return 0;
  return r;
}

ssize_t pull_written_out(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = read(fd, buf, n);
#if EWOULDBLOCK != EAGAIN
  if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return 0;
#else
  if (r < 0 && errno == EAGAIN)
    return 0;
#endif
  return r;
}

// --- Still reported ----------------------------------------------------------

ssize_t pull_unguarded(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = read(fd, buf, n);
  if (r < 0 && AGAIN_ALONE(errno))
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-MESSAGES: :25:25: note: the comparison is written in the macro 'AGAIN_ALONE': fixed there once for every use
    return 0;
  return r;
}

ssize_t pull_one_name_guard(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = read(fd, buf, n);
#ifdef EAGAIN
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
#endif
  return r;
}
