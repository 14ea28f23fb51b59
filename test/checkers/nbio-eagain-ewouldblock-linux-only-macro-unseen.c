// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// Twin of nbio-eagain-ewouldblock-linux-only-macro-file.c, still reported:
// the file needs SOL_IP outside any #if, but includes a compatibility
// header on other systems (`#ifdef _WIN32`), which Linux never reads and
// which may define SOL_IP there. Any `#include "..."` of the project's
// that the preprocessor skipped makes the rule step back.

#define _DEFAULT_SOURCE 1
#ifdef _WIN32
#include "win32-compat.h"
#endif
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>

int ip_level = SOL_IP;

ssize_t probe(int fd, char *b, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t r = recv(fd, b, n, 0);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return r;
}
