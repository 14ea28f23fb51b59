// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <libssh2.h>

int settle_socket(libssh2_socket_t sock);

int start_spinning(LIBSSH2_SESSION *session, libssh2_socket_t sock) {
  int rc;
  libssh2_session_set_blocking(session, 0);
  while ((rc = libssh2_session_handshake(session, sock)) ==
         LIBSSH2_ERROR_EAGAIN)
    ;
  return rc;
}

// Look-alike: the retry calls the project's helper that waits.
int start_settling(LIBSSH2_SESSION *session, libssh2_socket_t sock) {
  int rc;
  libssh2_session_set_blocking(session, 0);
  while ((rc = libssh2_session_handshake(session, sock)) ==
         LIBSSH2_ERROR_EAGAIN)
    settle_socket(sock);
  return rc;
}
