// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17

// In C++ the helper goes at file scope, before the namespace, template or
// class that holds the first function needing it, so that every later
// function sees it. A file that already has the helper (from an earlier
// run, or by hand) does not get a second one.

#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

// <errno.h> is added: the file includes <cerrno>, which the check does not
// know for the same header.
// CHECK-FIXES: {{^}}#include <cerrno>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <errno.h>{{$}}

namespace relay {

struct Target {
  int fd = -1;
  sockaddr_in addr{};
};

/* Dials each target in turn. */
template <typename Range> int dialAll(Range &targets) {
  int opened = 0;
  for (Target &t : targets) {
    t.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (::connect(t.fd, reinterpret_cast<const sockaddr *>(&t.addr),
                  sizeof t.addr) < 0) {
      // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'connect' on non-blocking fd 't.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
      ::close(t.fd);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
      // CHECK-MESSAGES: :[[@LINE-6]]:12: note: 'socket' creates a non-blocking descriptor here
      t.fd = -1;
      continue;
    }
    ++opened;
  }
  return opened;
}

inline int dialOne(Target &t) {
  auto attempt = [&t]() {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&t.addr),
                       sizeof t.addr);
    // CHECK-MESSAGES: :[[@LINE-2]]:14: warning: 'connect' on non-blocking fd 'fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
    if (rc == -1) {
      ::close(fd);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
      // CHECK-MESSAGES: :[[@LINE-7]]:14: note: 'socket' creates a non-blocking descriptor here
      return -1;
    }
    return fd;
  };
  t.fd = attempt();
  return t.fd;
}

} // namespace relay

// CHECK-FIXES: {{^}}#ifndef NBIO_CONNECT_WAIT_DEFINED{{$}}
// CHECK-FIXES: {{^}}#endif{{$}}
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: {{^}}namespace relay {{[{]}}{{$}}
// CHECK-FIXES: {{^}}    if (nbio_connect_wait(::connect(t.fd, reinterpret_cast<const sockaddr *>(&t.addr),{{$}}
// CHECK-FIXES-NEXT: {{^}}                  sizeof t.addr), t.fd, 5000) < 0) {{[{]}}{{$}}
// CHECK-FIXES: {{^}}    int rc = nbio_connect_wait(::connect(fd, reinterpret_cast<const sockaddr *>(&t.addr),{{$}}
// CHECK-FIXES-NEXT: {{^}}                       sizeof t.addr), fd, 5000);{{$}}
// CHECK-FIXES-NOT: NBIO_CONNECT_WAIT_DEFINED

int use_relay();
int use_relay() {
  relay::Target ts[2];
  return relay::dialAll(ts) + relay::dialOne(ts[0]);
}
