// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain,nbio-busy-wait-retry --config='{CheckOptions: {nbio-unhandled-eagain.OfferReturnFix: false}}'
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain,nbio-busy-wait-retry --config='{CheckOptions: {nbio-unhandled-eagain.OfferReturnFix: false}}' -- -std=c++17
// RUN: %check_nbio --prefix=NOTES --fix-notes %s nbio-unhandled-eagain,nbio-busy-wait-retry --config='{CheckOptions: {nbio-unhandled-eagain.OfferReturnFix: false}}'
// RUN: %check_nbio --prefix=NOTES --fix-notes --lang=c++ %s nbio-unhandled-eagain,nbio-busy-wait-retry --config='{CheckOptions: {nbio-unhandled-eagain.OfferReturnFix: false}}' -- -std=c++17

// The checks of one translation unit share one include inserter, and each
// keeps its own record of the headers it inserted. Here nbio-unhandled-eagain
// offers its wait (which needs <poll.h>) on a note, and nbio-busy-wait-retry
// its wait on the warning. Plain --fix applies only the warning's fix: it
// must still bring its own #include (had the note's fix taken the one
// insertion, the fixed file would not compile). With --fix-notes both
// waits are applied.

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}
// FIXME: with --fix-notes each check brings its own #include <poll.h>, so
// the header is included twice (harmless, and as it was with an inserter
// per check): a check cannot tell whether another check's insertion will
// be applied with its own fix.
// NOTES-FIXES: {{^}}#include <poll.h>{{$}}
// NOTES-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

void on_readable(int fd, char *buf, size_t n) {
  ssize_t r = recv(fd, buf, n, MSG_DONTWAIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // CHECK-MESSAGES: :[[@LINE+8]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: 'MSG_DONTWAIT' makes this call non-blocking
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: fix: wait up to 5000 ms for 'fd' to become readable before the call
  // NOTES-MESSAGES: :[[@LINE-5]]:15: warning: 'recv' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  // NOTES-MESSAGES: :[[@LINE-6]]:15: note: fix: wait up to 5000 ms for 'fd' to become readable before the call
  // NOTES-FIXES: {{^}}    struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
  // NOTES-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, 5000);{{$}}
  if (r <= 0) {
    close(fd);
    return;
  }
}

int spin(int fd, char *buf, size_t n) {
  for (;;) {
    ssize_t r = recv(fd, buf, n, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+5]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: 'MSG_DONTWAIT' makes this call non-blocking
    // NOTES-MESSAGES: :[[@LINE-4]]:17: warning: 'recv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // NOTES-MESSAGES: :[[@LINE+2]]:7: note: the call is retried from here
    if (r < 0 && errno == EAGAIN)
      continue;
    // CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // NOTES-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
    // NOTES-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
    return (int)r;
  }
}
