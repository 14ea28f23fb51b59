// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A session made non-blocking only after the call is blocking at the
// call. Reduced from libssh2's example sftp_mkdir_nonblock.c, which
// authenticates first (a blocking session: a failure there is final) and
// only then calls libssh2_session_set_blocking(session, 0) for the SFTP
// work. The switch counts when some path of the function runs it before
// the call. Twins still reported: the switch written before the
// authentication, and a switch at the end of a loop that goes round to
// the call again.

#include <libssh2.h>
#include <stddef.h>

void report(const char *what);

int login_then_async(LIBSSH2_SESSION *session, const char *user,
                     const char *pw) {
  if (libssh2_userauth_password(session, user, pw)) {
    report("authentication failed");
    libssh2_session_disconnect(session, "bye");
    return -1;
  }
  libssh2_session_set_blocking(session, 0);
  return 0;
}

// --- Still reported ----------------------------------------------------------

int async_then_login(LIBSSH2_SESSION *session, const char *user,
                     const char *pw) {
  libssh2_session_set_blocking(session, 0);
  if (libssh2_userauth_password(session, user, pw)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'libssh2_userauth_password_ex' on libssh2 session 'session' over a non-blocking descriptor treats LIBSSH2_ERROR_EAGAIN as a fatal error [nbio-unhandled-eagain]
    report("authentication failed");
    libssh2_session_disconnect(session, "bye");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with LIBSSH2_ERROR_EAGAIN, 'libssh2_session_disconnect_ex' ends the connection here without testing for it
    return -1;
  }
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'libssh2_session_set_blocking' makes the session non-blocking here
  return 0;
}

int read_rounds(LIBSSH2_SESSION *session, char *buf, size_t len,
                int rounds) {
  LIBSSH2_CHANNEL *ch = libssh2_channel_open_session(session);
  for (int i = 0; i < rounds; i++) {
    ssize_t n = libssh2_channel_read(ch, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'libssh2_channel_read_ex' on libssh2 session 'ch' over a non-blocking descriptor treats LIBSSH2_ERROR_EAGAIN as a fatal error [nbio-unhandled-eagain]
    if (n < 0) {
      libssh2_channel_free(ch);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: when it fails with LIBSSH2_ERROR_EAGAIN, 'libssh2_channel_free' ends the connection here without testing for it
      return -1;
    }
    libssh2_session_set_blocking(session, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'libssh2_session_set_blocking' makes the session non-blocking here
  }
  return 0;
}
