// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// The C++ side of nbio-connect-einprogress-dbus-filled-field.c: a
// descriptor filled through its address is followed in C only, since C++'s
// references, virtual calls and constructors reach the filled object in
// ways the analysis does not look for. So the C test's quiet case is
// still reported here, through the field that another function makes
// non-blocking.
// FIXME: follow fills in C++ too, once references to the object are
// looked for; today's output is pinned.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

struct wrapped_sock {
  int fd;
};

wrapped_sock *handed_over;

static int set_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL, 0);
  return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

void take_handed_over(int n) {
  for (int fd = 3; fd < 3 + n; fd++) {
    set_nonblocking(fd);
    handed_over[fd - 3].fd = fd;
  }
}

static void open_stream(int *out) { *out = socket(AF_INET, SOCK_STREAM, 0); }

int connect_plain(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s;
  open_stream(&s.fd);
  if (s.fd < 0)
    return -1;
  if (connect(s.fd, sa, len) != 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :31:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

// CHECK-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-FIXES: if (nbio_connect_wait(connect(s.fd, sa, len), s.fd, 5000) != 0) {
