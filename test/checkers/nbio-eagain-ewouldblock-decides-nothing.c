// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A test of errno whose outcome changes nothing: `if (...) continue;` as
// the last statement of a loop's body goes to the loop's condition either
// way, so spelling EAGAIN alone there is no portability bug (reduced from
// coturn's uclient, whose receive loops end in `if (rc < 0 && errno ==
// EAGAIN && sync) continue;` inside `do ... while (rc < 0 && errno ==
// EINTR)`). Twins: the same test followed by another statement, and one
// with an else, still decide something and are reported.

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

int sync_mode;

ssize_t last_in_do_body(int fd, char *b, size_t n) {
  ssize_t rc;
  do {
    rc = recv(fd, b, n, MSG_DONTWAIT);
    if (rc < 0 && errno == EAGAIN && sync_mode)
      continue;
  } while (rc < 0 && errno == EINTR);
  return rc;
}

ssize_t last_in_while_body_braced(int fd, char *b, size_t n) {
  ssize_t rc = -1;
  while (rc < 0) {
    rc = recv(fd, b, n, MSG_DONTWAIT);
    if (rc < 0 && errno == EAGAIN) {
      continue;
    }
  }
  return rc;
}

// --- Still reported --------------------------------------------------------

ssize_t followed_by_a_statement(int fd, char *b, size_t n) {
  ssize_t rc;
  do {
    rc = recv(fd, b, n, MSG_DONTWAIT);
    if (rc < 0 && errno == EAGAIN && sync_mode)
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (rc < 0 && (errno == EAGAIN ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                   (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)) && sync_mode){{$}}
      continue;
    if (rc < 0)
      break;
  } while (rc < 0 && errno == EINTR);
  return rc;
}

ssize_t with_an_else(int fd, char *b, size_t n) {
  ssize_t rc;
  do {
    rc = recv(fd, b, n, MSG_DONTWAIT);
    if (rc < 0 && errno == EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (rc < 0 && (errno == EAGAIN ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                   (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
      continue;
    else
      return -1;
  } while (rc < 0);
  return rc;
}
