// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A test of errno whose branches differ only by a log message changes
// nothing the program does: where EWOULDBLOCK is not EAGAIN, a would-block
// failure is logged and handled as it is everywhere else. Reduced from
// dante's child-process channels, which read with a thin recvmsg() wrapper
// and write `if (n == -1 && errno == EAGAIN) ; else slog(LOG_DEBUG, ...);`
// before returning -1 either way. Twins that decide something are
// reported: a branch that closes, one that returns, and a logger that does
// not return.

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <syslog.h>
#include <unistd.h>

void slog(int pri, const char *fmt, ...);
#ifdef __cplusplus
[[noreturn]]
#else
_Noreturn
#endif
void log_fatal(const char *fmt, ...);

#define log_debug(...)                                                         \
  do {                                                                         \
    slog(LOG_DEBUG, __VA_ARGS__);                                              \
  } while (0)

int channel_recv(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n <= 0) {
    if (n == -1 && errno == EAGAIN)
      ;
    else
      slog(LOG_DEBUG, "recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}

int channel_recv_macro(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno != EAGAIN)
      log_debug("recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}

// --- Still reported --------------------------------------------------------

int channel_recv_close(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (n == -1 && errno == EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: errno from 'recvmsg' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (n == -1 && (errno == EAGAIN ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                    (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
      ;
    else
      close(s);
    return -1;
  }
  return (int)n;
}

int channel_recv_return(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno == EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'recvmsg' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)){{$}}
      return 0;
    else
      slog(LOG_DEBUG, "recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}

int channel_recv_fatal(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno != EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'recvmsg' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (errno != EAGAIN && (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK)){{$}}
      log_fatal("recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}
