// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// The debug-line rule of nbio-eagain-ewouldblock-log-only-branch.c in C++:
// a counter kept in a std::atomic changes through an overloaded operator
// or a method, which is behaviour, not a debug line.

#include <atomic>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <syslog.h>

void slog(int pri, const char *fmt, ...);
std::atomic<int> failures;

// Only a debug line depends on the test: quiet.
long pull_logged(int fd, void *out, size_t outl) {
  long n = recv(fd, out, outl, MSG_DONTWAIT);
  if (n < 0 && errno != EAGAIN)
    slog(LOG_DEBUG, "recv() on %d: %s", fd, strerror(errno));
  return n;
}

// Twin: the debug line's argument bumps the atomic counter: reported.
long pull_counted(int fd, void *out, size_t outl) {
  long n = recv(fd, out, outl, MSG_DONTWAIT);
  if (n < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    slog(LOG_DEBUG, "recv() failed %d times", (int)++failures);
  return n;
}

// Twin: the same through a method that changes the counter: reported.
long pull_fetched(int fd, void *out, size_t outl) {
  long n = recv(fd, out, outl, MSG_DONTWAIT);
  if (n < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    slog(LOG_DEBUG, "recv() failed %d times", failures.fetch_add(1));
  return n;
}
