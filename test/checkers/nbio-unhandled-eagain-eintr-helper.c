// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// A helper that says whether an error code is EINTR answers false for
// EAGAIN: `if (n < 0 && !is_errno_eintr(code)) close(fd);` closes the
// connection when the send would block. The helper is named for EINTR
// alone and defined in another file (dbus's `_dbus_get_is_errno_eintr`),
// or is the file's own `return e == EINTR;`; the code comes from errno or
// from the project's accessor named for it (`_dbus_save_socket_errno()`).
// Both are reported. Twin, quiet: a helper the check cannot read, which
// may well take EAGAIN.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

int is_errno_eintr(int e);
int save_socket_errno(void);

int send_reply(int fd, const char *b, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = send(fd, b, n, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (r < 0 && !is_errno_eintr(save_socket_errno())) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'fd' was made non-blocking here
    // CHECK-MESSAGES: :[[@LINE-6]]:15: note: fix: wait up to 5000 ms for 'fd' to become writable before the call
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: fix: return here on EAGAIN or EWOULDBLOCK, keeping the connection for the next readiness event
    return -1;
  }
  return 0;
}

static int is_eintr(int e) { return e == EINTR; }

int send_ack(int fd, const char *b, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = send(fd, b, n, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (r < 0 && !is_eintr(errno)) {
    close(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'fd' was made non-blocking here
    // CHECK-MESSAGES: :[[@LINE-6]]:15: note: fix: wait up to 5000 ms for 'fd' to become writable before the call
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: fix: return here on EAGAIN or EWOULDBLOCK, keeping the connection for the next readiness event
    return -1;
  }
  return 0;
}

// Twin: what is_errno_retry() takes is not known.
int is_errno_retry(int e);

int send_other(int fd, const char *b, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = send(fd, b, n, 0);
  if (r < 0 && !is_errno_retry(errno)) {
    close(fd);
    return -1;
  }
  return 0;
}

// Quiet: a helper named for EINTR and for "again" takes EAGAIN too, so the
// connection is closed on other errors only.
int sock_eintr_or_again(int e);

int send_notice(int fd, const char *b, size_t n) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ssize_t r = send(fd, b, n, 0);
  if (r < 0 && !sock_eintr_or_again(errno)) {
    close(fd);
    return -1;
  }
  return r == (ssize_t)n ? 0 : 1;
}
