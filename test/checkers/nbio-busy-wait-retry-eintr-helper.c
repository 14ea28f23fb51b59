// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// A helper that says whether an error code is EINTR answers false for
// EAGAIN, so the branch it guards is not the would-block path. Reduced
// from dbus's nonce reader (dbus/dbus-nonce.c): after a failed read it
// retries at once when `_dbus_get_is_errno_eintr(e)` holds and sleeps
// first when `_dbus_get_is_errno_eagain_or_ewouldblock(e)` does, both
// defined in another file. The would-block path backs off: quiet. So is
// the same loop over a helper of the file whose body is `return e ==
// EINTR;`. The code is read through the project's accessor named for
// errno (`_dbus_save_socket_errno()`). Twins, reported: a helper named for
// EINTR whose body also takes EAGAIN, and a code from an accessor the
// check cannot read, which leaves the would-block test unknown. What an
// EINTR test means for nbio-unhandled-eagain is in
// nbio-unhandled-eagain-eintr-helper.c.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

int save_socket_errno(void);
int is_errno_eintr(int e);
int is_errno_eagain_or_ewouldblock(int e);

static void make_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int read_nonce(int fd, char *buf, size_t left) {
  make_nonblocking(fd);
  while (left > 0) {
    ssize_t n = read(fd, buf, left);
    int saved = save_socket_errno();
    if (n == -1 && is_errno_eintr(saved))
      ;
    else if (n == -1 && is_errno_eagain_or_ewouldblock(saved))
      sleep(1);
    else if (n <= 0)
      return -1;
    else {
      buf += n;
      left -= (size_t)n;
    }
  }
  return 0;
}

static int is_eintr(int e) { return e == EINTR; }

int read_token(int fd, char *buf, size_t left) {
  make_nonblocking(fd);
  while (left > 0) {
    ssize_t n = read(fd, buf, left);
    if (n == -1 && is_eintr(errno))
      continue;
    if (n == -1 && errno == EAGAIN) {
      sleep(1);
      continue;
    }
    if (n <= 0)
      return -1;
    buf += n;
    left -= (size_t)n;
  }
  return 0;
}

// Twin: named for EINTR, but EAGAIN passes too.
static int is_eintr_or_again(int e) { return e == EINTR || e == EAGAIN; }

int read_header(int fd, char *buf, size_t left) {
  make_nonblocking(fd);
  while (left > 0) {
    ssize_t n = read(fd, buf, left);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n == -1 && is_eintr_or_again(errno))
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'fd' was made non-blocking here
    // CHECK-FIXES: {{^}}    if (n == -1 && is_eintr_or_again(errno)) {{[{]}}{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
    if (n <= 0)
      return -1;
    buf += n;
    left -= (size_t)n;
  }
  return 0;
}

// Twin: the code comes from a function the check cannot read, so the
// would-block test is not known to be about this failure.
int last_code(void);

int read_body(int fd, char *buf, size_t left) {
  make_nonblocking(fd);
  while (left > 0) {
    ssize_t n = read(fd, buf, left);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-3]]:20: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'fd' was made non-blocking here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: the retry falls off the end of the loop body; wait for readiness on that path
    int saved = last_code();
    if (n == -1 && is_errno_eintr(saved))
      ;
    else if (n == -1 && is_errno_eagain_or_ewouldblock(saved))
      sleep(1);
    else if (n <= 0)
      return -1;
    else {
      buf += n;
      left -= (size_t)n;
    }
  }
  return 0;
}

// Twin: a predicate named for errno is no accessor of it; its result is
// not the code.
int errno_is_fatal(void);

int read_trailer(int fd, char *buf, size_t left) {
  make_nonblocking(fd);
  while (left > 0) {
    ssize_t n = read(fd, buf, left);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:7: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'fd' was made non-blocking here
    if (n < 0 && !errno_is_fatal())
      continue;
    // CHECK-FIXES: {{^}}    if (n < 0 && !errno_is_fatal()) {{[{]}}{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
    if (n <= 0)
      return -1;
    buf += n;
    left -= (size_t)n;
  }
  return 0;
}

// Twin: a helper named for EINTR and for "again" takes EAGAIN too.
int sock_eintr_or_again(int e);

int read_record(int fd, char *buf, size_t left) {
  make_nonblocking(fd);
  while (left > 0) {
    ssize_t n = read(fd, buf, left);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-3]]:20: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'fd' was made non-blocking here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: no fix-it: the retry falls off the end of the loop body; wait for readiness on that path
    int saved = save_socket_errno();
    if (n == -1 && sock_eintr_or_again(saved))
      ;
    else if (n == -1 && is_errno_eagain_or_ewouldblock(saved))
      sleep(1);
    else if (n <= 0)
      return -1;
    else {
      buf += n;
      left -= (size_t)n;
    }
  }
  return 0;
}

// Quiet: a helper whose name turns EINTR round is not an EINTR test; what
// it says of EAGAIN is not known.
int not_eintr(int e);

int read_line(int fd, char *buf, size_t left) {
  make_nonblocking(fd);
  while (left > 0) {
    ssize_t n = read(fd, buf, left);
    if (n == -1 && !not_eintr(errno))
      continue;
    if (n <= 0)
      return -1;
    buf += n;
    left -= (size_t)n;
  }
  return 0;
}
