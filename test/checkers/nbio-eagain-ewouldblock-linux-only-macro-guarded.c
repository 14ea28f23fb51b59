// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// Twins of nbio-eagain-ewouldblock-linux-only-macro-file.c, still reported:
// the file uses Linux's socket macros, but would build where they are
// missing. TCP_CORK only under an #if of its own; SOL_IP outside any #if,
// but with the file's own fallback for other systems; SO_ZEROCOPY in a
// macro's body, which the code never expands; MSG_NOSIGNAL outside any #if,
// but FreeBSD has it too.

#define _DEFAULT_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/types.h>

#ifndef SOL_IP
#define SOL_IP IPPROTO_IP
#endif
#define ZEROCOPY_ON(fd)                                                        \
  setsockopt(fd, SOL_SOCKET, SO_ZEROCOPY, &(int){1}, sizeof(int))

int cork(int fd, int on) {
#ifdef TCP_CORK
  return setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
#else
  (void)fd;
  return on;
#endif
}

int ttl_of(int level, int type) { return level == SOL_IP && type == IP_TTL; }

ssize_t quiet_send(int fd, const void *b, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t r = send(fd, b, n, MSG_NOSIGNAL);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'send' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return r;
}
