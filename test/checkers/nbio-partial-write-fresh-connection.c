// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// The send buffer of a connection just accepted is empty: a first write of
// a few hundred bytes goes in whole, so a short count cannot happen there
// and treating one as a failure loses nothing (the same rule as
// nbio-unhandled-eagain's, see FreshConnections). Quiet: a 100-byte banner
// checked for a short count right after accept4(SOCK_NONBLOCK). Still
// reported: the same banner after a loop of records, which may have filled
// the buffer.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* accept4 */
#endif
#include <sys/socket.h>
#include <unistd.h>

static const char banner[100] = "welcome";

int greet(int lfd) {
  int cfd = accept4(lfd, 0, 0, SOCK_NONBLOCK);
  if (cfd < 0)
    return -1;
  if (write(cfd, banner, sizeof banner) != sizeof banner) {
    close(cfd);
    return -1;
  }
  return cfd;
}

int records_then_banner(int lfd, int count) {
  int cfd = accept4(lfd, 0, 0, SOCK_NONBLOCK);
  if (cfd < 0)
    return -1;
  for (int i = 0; i < count; i++)
    if (send(cfd, "record\n", 7, 0) < 0) {
      close(cfd);
      return -1;
    }
  if (write(cfd, banner, sizeof banner) != sizeof banner) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'cfd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    close(cfd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
    // CHECK-MESSAGES: :[[@LINE-13]]:13: note: 'accept4' creates a non-blocking descriptor here
    return -1;
  }
  return cfd;
}
