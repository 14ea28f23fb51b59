// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A project's classifier function that tests only one of the two names is
// one mistake however many callers hand it errno: reported once, in the
// classifier, with the fix there (a note shows a call that passes errno
// from an I/O call). A classifier that tests both names, or one that is
// never given errno after I/O, is quiet.

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

static int sock_again(int e) {
  return e == EINTR || e == EAGAIN;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
  // CHECK-FIXES: {{^}}  return e == EINTR || (e == EAGAIN ||{{$}}
  // CHECK-FIXES-NEXT: {{^}}                        (EWOULDBLOCK != EAGAIN && e == EWOULDBLOCK));{{$}}
}

static int sock_again_both(int e) {
  return e == EAGAIN || e == EWOULDBLOCK;
}

static int is_busy(int code) { return code == EAGAIN; }

int pump(int fd, char *b, unsigned n) {
  ssize_t r = read(fd, b, n);
  if (r < 0 && sock_again(errno))
    // CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'sock_again' is called here with errno from 'read'
    return 0;
  return (int)r;
}

int pump_again(int fd, char *b, unsigned n) {
  ssize_t r = recv(fd, b, n, 0);
  if (r < 0 && sock_again(errno))
    return 0;
  return (int)r;
}

int pump_both(int fd, char *b, unsigned n) {
  ssize_t r = read(fd, b, n);
  if (r < 0 && sock_again_both(errno))
    return 0;
  return (int)r;
}

int pump_status(int fd, char *b, unsigned n, int status) {
  ssize_t r = read(fd, b, n);
  if (r < 0 && is_busy(status))
    return 0;
  return (int)r;
}
