// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// Twin of nbio-eagain-ewouldblock-linux-only-macro-file.c, still reported:
// the file needs SOL_IP outside any #if, but declares it for other systems
// in a branch Linux skips (an enumerator, not a macro), so it builds
// elsewhere too.

#define _DEFAULT_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef __linux__
enum { SOL_IP = 0 };
#endif

int ip_level = SOL_IP;

ssize_t push(int fd, const char *b, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t w = write(fd, b, n);
  if (w == -1 && errno == EWOULDBLOCK)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'write' on 'fd' is compared with EWOULDBLOCK but not with EAGAIN, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (w == -1 && (errno == EWOULDBLOCK ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EAGAIN != EWOULDBLOCK && errno == EAGAIN))){{$}}
    return 0;
  return w;
}
