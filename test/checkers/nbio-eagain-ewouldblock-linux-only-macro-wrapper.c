// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// Twin of nbio-eagain-ewouldblock-linux-only-macro-file.c, still reported:
// the file names TCP_CORK outside any #if, but only inside a call of the
// project's own function-like macro, which other systems define to drop
// its argument, so the file builds there too.

#define _DEFAULT_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/types.h>

#ifdef __linux__
#define LINUX_ONLY(x) x
#else
#define LINUX_ONLY(x)
#endif

ssize_t send_corked(int fd, const char *b, size_t n) {
  int on = 1;
  LINUX_ONLY(setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on));
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t r = send(fd, b, n, 0);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'send' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  (void)on;
  return r;
}
