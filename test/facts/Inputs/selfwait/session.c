// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The library's own file, in the same project as its example programs.
#include <libssh2.h>
#include <poll.h>

static int session_blocks = 1;

// Waits for the socket only in blocking mode; else says "would block".
int libssh2_session_handshake(LIBSSH2_SESSION *session, libssh2_socket_t sock) {
  (void)session;
  struct pollfd p = {sock, POLLIN, 0};
  if (session_blocks)
    return poll(&p, 1, -1) > 0 ? 0 : -1;
  return LIBSSH2_ERROR_EAGAIN;
}

// A helper of the project that waits, under a name that says nothing.
int settle_socket(libssh2_socket_t sock) {
  struct pollfd p = {sock, POLLIN | POLLOUT, 0};
  return poll(&p, 1, -1);
}
