// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress

// Whether the file has the helper already is asked of the preprocessor
// (its guard macro is defined), not of the text: a comment that names the
// guard, as this one does, is not the helper. Found by make fuzz (seed
// 3010): the helper was left out and the fixed file did not compile. The
// twin, a file that has the helper, is nbio-connect-einprogress-fix-present.c.
//
//   #define NBIO_CONNECT_WAIT_DEFINED

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#ifndef NBIO_CONNECT_WAIT_DEFINED{{$}}
// CHECK-FIXES-NEXT: {{^}}#define NBIO_CONNECT_WAIT_DEFINED{{$}}

int dial(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  // CHECK-FIXES: {{^}}  if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 5000) < 0) {{{$}}
  return fd;
}
