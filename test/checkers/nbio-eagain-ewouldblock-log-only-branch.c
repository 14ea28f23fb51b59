// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A test of errno whose only effect is whether a failure is logged is
// still reported: where EWOULDBLOCK is not EAGAIN, every would-block read
// logs an error that did not happen (unbound's tube and UDP receives,
// xl2tpd's network.c: small bugs, but bugs; a rule that let such tests
// pass hid seven findings triaged as true on the evaluation set).
// When the message is a debug line (dante's channel reads,
// `slog(LOG_DEBUG, ...)`, a look-alike row of eval/known-bugs.tsv), nothing
// the program does changes: not reported.

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <syslog.h>
#include <unistd.h>

void slog(int pri, const char *fmt, ...);

int channel_recv_error(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n <= 0) {
    if (n == -1 && errno == EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: errno from 'recvmsg' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (n == -1 && (errno == EAGAIN ||{{$}}
      // CHECK-FIXES-NEXT: {{^}}                    (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
      ;
    else
      slog(LOG_ERR, "recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}

// Only a debug line depends on the test: quiet.
int channel_recv_debug(int s, struct msghdr *msg) {
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

// The priority with a facility or'ed in, and the test the other way round:
// quiet.
int channel_recv_debug_facility(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno != EAGAIN)
      slog(LOG_DAEMON | LOG_DEBUG, "recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}

// A logger named for debugging, and a project's DEBUG macro that tests a
// verbosity flag inside a do-while: quiet.
void log_debug(const char *fmt, ...);
extern int verbose;
#define DEBUG(...)                                                             \
  do {                                                                         \
    if (verbose > 2)                                                           \
      tell(__VA_ARGS__);                                                       \
  } while (0)
void tell(const char *fmt, ...);

int channel_recv_named_debug(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno == EAGAIN)
      log_debug("nothing on %d yet", s);
    else
      DEBUG("recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}

// Twin: the same macro's name says nothing of a level (TELL, not DEBUG):
// the line may be what the user reads; reported.
#define TELL(...)                                                              \
  do {                                                                         \
    if (verbose > 2)                                                           \
      tell(__VA_ARGS__);                                                       \
  } while (0)

int channel_recv_tell(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno != EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'recvmsg' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (errno != EAGAIN && (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK)){{$}}
      TELL("recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}

// Twin: the debug branch also counts the failure: the test decides a
// count the program keeps; reported.
int failures;
int channel_recv_debug_counted(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno != EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'recvmsg' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (errno != EAGAIN && (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK)){{$}}
      slog(LOG_DEBUG, "recvmsg() failed %d times", ++failures);
    return -1;
  }
  return (int)n;
}

// Twin: a debug logger that does not return is no debug line; reported.
__attribute__((noreturn)) void debug_fatal(const char *fmt, ...);
int channel_recv_debug_fatal(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno != EAGAIN)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'recvmsg' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (errno != EAGAIN && (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK)){{$}}
      debug_fatal("recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}

// Twin: the debug line's branch also closes the descriptor; reported.
int channel_recv_debug_close(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n < 0) {
    if (errno != EAGAIN) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'recvmsg' on 's' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES: {{^}}    if (errno != EAGAIN && (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK)) {{{$}}
      slog(LOG_DEBUG, "recvmsg() on %d: %s", s, strerror(errno));
      close(s);
    }
    return -1;
  }
  return (int)n;
}

// A logging macro that gates the line on the logger's current level, read
// through a call (libcoap 4.3.1's coap_log, in coap_gnutls.c's transport
// read): the gate only reads, and the line is a debug line: quiet.
int log_level(void);
void log_impl(int level, const char *fmt, ...);
#define LOG_AT(level, ...)                                                   \
  do {                                                                       \
    if ((int)(level) <= log_level())                                          \
      log_impl((level), __VA_ARGS__);                                          \
  } while (0)

long transport_pull(int fd, void *out, size_t outl) {
  long ret = recv(fd, out, outl, MSG_DONTWAIT);
  if (ret > 0) {
    LOG_AT(LOG_DEBUG, "received %ld bytes", ret);
  } else if (ret < 0 && errno != EAGAIN) {
    LOG_AT(LOG_DEBUG, "failed to receive any bytes (%s)", strerror(errno));
  }
  return ret;
}

// Twin: the same macro at the warning level; reported.
long transport_pull_warn(int fd, void *out, size_t outl) {
  long ret = recv(fd, out, outl, MSG_DONTWAIT);
  if (ret < 0 && errno != EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (ret < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))) {{{$}}
    LOG_AT(LOG_WARNING, "failed to receive any bytes (%s)", strerror(errno));
  }
  return ret;
}

// Twin: a gate that counts as it reads the level is more than a debug line;
// reported.
int gate_calls;
#define LOG_COUNTED(level, ...)                                              \
  do {                                                                       \
    if (++gate_calls && (int)(level) <= log_level())                          \
      log_impl((level), __VA_ARGS__);                                          \
  } while (0)

long transport_pull_counted(int fd, void *out, size_t outl) {
  long ret = recv(fd, out, outl, MSG_DONTWAIT);
  if (ret < 0 && errno != EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (ret < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))) {{{$}}
    LOG_COUNTED(LOG_DEBUG, "failed to receive any bytes (%s)", strerror(errno));
  }
  return ret;
}

// Twin: a gate that names the debug level but also closes the descriptor
// on the way: more than a debug line; reported.
long transport_pull_gate_closes(int fd, void *out, size_t outl) {
  long ret = recv(fd, out, outl, MSG_DONTWAIT);
  if (ret < 0 && errno != EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (ret < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))) {{{$}}
    if (LOG_DEBUG <= log_level() && close(fd) == 0)
      log_impl(LOG_DEBUG, "closed after a failed receive");
  }
  return ret;
}

// Twin: the gate's level comes from a function of this file that does more
// than read (it drops the connection): reported.
int conn_fd = -1;
static int level_after_drop(void) {
  close(conn_fd);
  conn_fd = -1;
  return LOG_DEBUG;
}

long transport_pull_gate_drops(int fd, void *out, size_t outl) {
  long ret = recv(fd, out, outl, MSG_DONTWAIT);
  if (ret < 0 && errno != EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (ret < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))) {{{$}}
    if (LOG_DEBUG <= level_after_drop())
      log_impl(LOG_DEBUG, "receive failed");
  }
  return ret;
}

// Twin: a debug macro whose argument counts the failure: the count is
// kept whatever the line does; reported.
#define DEBUG_LINE(...) log_impl(LOG_DEBUG, __VA_ARGS__)
long transport_pull_debug_counted(int fd, void *out, size_t outl) {
  long ret = recv(fd, out, outl, MSG_DONTWAIT);
  if (ret < 0 && errno != EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (ret < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))) {{{$}}
    DEBUG_LINE("receive failure %d", ++gate_calls);
  }
  return ret;
}

// Look-alike: both names tested, nothing to report.
int channel_recv_both(int s, struct msghdr *msg) {
  ssize_t n = recvmsg(s, msg, MSG_DONTWAIT);
  if (n <= 0) {
    if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK))
      ;
    else
      slog(LOG_DEBUG, "recvmsg() on %d: %s", s, strerror(errno));
    return -1;
  }
  return (int)n;
}
