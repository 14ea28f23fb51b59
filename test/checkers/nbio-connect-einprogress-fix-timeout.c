// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress --config='{CheckOptions: {nbio-connect-einprogress.TimeoutMs: 250}}'

// TimeoutMs sets how long the fix-it's helper waits for the handshake
// (default 5000 ms); past it, the connect fails with ETIMEDOUT.

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

int probe(const struct sockaddr_in *sa);
int probe(const struct sockaddr_in *sa) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  close(fd);
  return 0;
}
// The includes are all there: none is added.
// CHECK-FIXES: {{^}}#include <unistd.h>{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}int probe(const struct sockaddr_in *sa);{{$}}
// CHECK-FIXES-NEXT: {{^}}/* Added by nbio-connect-einprogress: a non-blocking connect() that{{$}}
// CHECK-FIXES: {{^}}#endif{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}int probe(const struct sockaddr_in *sa) {{[{]}}{{$}}
// CHECK-FIXES: {{^}}  if (nbio_connect_wait(connect(fd, (const struct sockaddr *)sa, sizeof *sa), fd, 250) < 0) {{[{]}}{{$}}
