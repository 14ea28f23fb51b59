// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --prefix=TIMEOUT %s nbio-eagain-ewouldblock -- -DWITH_TIMEOUT

// A socket made blocking on every path to the call fails with neither
// EAGAIN nor EWOULDBLOCK: a test of one of them there is dead code, not a
// portability bug (reduced from libmicrohttpd's upgrade example, whose
// send_all() clears O_NONBLOCK first and then retries on EAGAIN). Twins:
// made blocking on one branch only; and (prefix TIMEOUT) a file that sets
// a send timeout, where EAGAIN means the time ran out.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>

static void make_blocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags == -1)
    return;
  if ((flags & ~O_NONBLOCK) != flags)
    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
}

#ifdef WITH_TIMEOUT
void limit_sends(int fd) {
  struct timeval tv = {5, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}
#endif

void send_all(int sock, const char *buf, size_t len) {
  ssize_t ret;
  size_t off;
  make_blocking(sock);
  for (off = 0; off < len; off += (size_t)ret) {
    ret = send(sock, &buf[off], len - off, 0);
    if (ret < 0) {
      if (EAGAIN == errno) {
        // TIMEOUT-MESSAGES: :[[@LINE-1]]:11: warning: errno from 'send' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
        // TIMEOUT-FIXES: {{^}}      if (EAGAIN == errno || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)) {{{$}}
        ret = 0;
        continue;
      }
      break;
    }
    if (ret == 0)
      break;
  }
}

// Twin: blocking on one path only.
void send_all_maybe(int sock, int blocking, const char *buf, size_t len) {
  ssize_t ret;
  size_t off;
  if (blocking)
    make_blocking(sock);
  for (off = 0; off < len; off += (size_t)ret) {
    ret = send(sock, &buf[off], len - off, 0);
    if (ret < 0) {
      if (EAGAIN == errno) {
        // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: errno from 'send' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
        // TIMEOUT-MESSAGES: :[[@LINE-2]]:11: warning: errno from 'send' on 'sock' is compared with EAGAIN but not with EWOULDBLOCK
        // CHECK-FIXES: {{^}}      if (EAGAIN == errno || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)) {{{$}}
        // TIMEOUT-FIXES: {{^}}      if (EAGAIN == errno || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)) {{{$}}
        ret = 0;
        continue;
      }
      break;
    }
    if (ret == 0)
      break;
  }
}
