// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// A project that names "would block" itself and defines the name per
// platform (nginx's NGX_EAGAIN: EWOULDBLOCK on HP-UX, EAGAIN elsewhere) has
// handled the difference already: its tests are not reported. The plain
// names still are.

#include <errno.h>
#include <sys/socket.h>

#if defined(__hpux)
#define IO_EAGAIN EWOULDBLOCK
#else
#define IO_EAGAIN EAGAIN
#endif

int io_recv_alias(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n == -1 && errno == IO_EAGAIN)
    return 0;
  return (int)n;
}

int io_recv_alias_switch(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n >= 0)
    return (int)n;
  switch (errno) {
  case IO_EAGAIN:
    return 0;
  default:
    return -1;
  }
}

int io_recv_plain(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    return 0;
  return (int)n;
}
// CHECK-FIXES: {{^}}  if (n == -1 && (errno == EAGAIN ||{{$}}
// CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
