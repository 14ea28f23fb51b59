// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// libssh2 in non-blocking mode (libssh2_session_set_blocking(s, 0)) returns
// LIBSSH2_ERROR_EAGAIN from its channel and session calls. Calling again at
// once spins; libssh2 gives no descriptor for the session, so there is no
// fix-it, only a note that says why (libssh2_channel_read is a macro for
// libssh2_channel_read_ex: the message names the function called). A loop that waits first
// (its own helper named *wait*) is quiet.

#include <libssh2.h>
#include <sys/types.h>

ssize_t ssh_read_all(LIBSSH2_CHANNEL *ch, char *buf, size_t len) {
  ssize_t n;
  do {
    n = libssh2_channel_read(ch, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'libssh2_channel_read_ex' on the socket of 'ch' is retried on LIBSSH2_ERROR_EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+2]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:9: note: no fix-it: the call is inside a macro expansion
  } while (n == LIBSSH2_ERROR_EAGAIN);
  return n;
}

int ssh_handshake(LIBSSH2_SESSION *s, int sock) {
  int rc;
  while ((rc = libssh2_session_handshake(s, sock)) == LIBSSH2_ERROR_EAGAIN)
    ;
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: 'libssh2_session_handshake' on the socket of 's' is retried on LIBSSH2_ERROR_EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:16: note: no fix-it: libssh2 gives no descriptor for the session; wait for the socket under it to become ready before the retry
  return rc;
}

// Look-alike: the project's own wait on the session's socket first.
int wait_socket(int sock, LIBSSH2_SESSION *s);

ssize_t ssh_write_waiting(LIBSSH2_SESSION *s, LIBSSH2_CHANNEL *ch, int sock,
                          const char *buf, size_t len) {
  ssize_t n;
  while ((n = libssh2_channel_write(ch, buf, len)) == LIBSSH2_ERROR_EAGAIN)
    wait_socket(sock, s);
  return n;
}
