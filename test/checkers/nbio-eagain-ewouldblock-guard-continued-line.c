// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// The `#if` that names both EAGAIN and EWOULDBLOCK is found when its
// condition goes on over a backslash-continued line.
// The block holds a whole function, whose body names only EAGAIN.
// It is the only directive of the file that names EWOULDBLOCK: a file whose
// directives never name it is not lexed for such blocks at all, and the
// name in comments that begin lines does not count.
/* EWOULDBLOCK differs from EAGAIN on some systems, not here:
   see the block below. */

#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#if defined(EAGAIN) && \
    EAGAIN == EWOULDBLOCK
ssize_t pull_guarded(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = read(fd, buf, n);
  if (r < 0 && errno == EAGAIN)
    return 0;
  return r;
}
#endif

// Twin: the same test outside the block is still reported.
ssize_t pull_unguarded(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = read(fd, buf, n);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return r;
}
