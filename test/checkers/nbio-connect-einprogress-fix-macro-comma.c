// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress

// A connect() whose argument commas come from a macro gets no fix-it: the
// fix only adds text around the call, but clang-tidy's clean-up around it
// takes the macro's lone comma (`SEP(,)`) for an empty list element and
// removes it, and the fixed file no longer compiles (found by fuzzing).
// The finding stays, with a note saying why there is no fix. Twin: the
// same call with its commas written out gets the fix.

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#define SEP(...) __VA_ARGS__

int dial_sep(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, (const struct sockaddr *)sa SEP(,) sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: 'socket' creates a non-blocking descriptor here
    // CHECK-MESSAGES: :[[@LINE-5]]:7: note: no fix-it: a macro writes the call's arguments or the commas between them
    return -1;
  }
  return fd;
}

// Twin: the commas written out.
int dial(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    // CHECK-FIXES: {{^}}  if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {{{$}}
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-6]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return fd;
}
