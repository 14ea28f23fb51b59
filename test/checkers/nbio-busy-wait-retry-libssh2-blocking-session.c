// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17
// RUN: %check_nbio --prefix=SWITCHED %s nbio-busy-wait-retry -- -DSWITCHED
// RUN: %check_nbio --prefix=HANDED %s nbio-busy-wait-retry -- -DHANDED_ON
// RUN: %check_nbio --prefix=INTREE %s nbio-busy-wait-retry -- -I%S/Inputs/in-tree-libssh2
// RUN: %check_nbio --prefix=SWITCHED %s nbio-busy-wait-retry -- -DSWITCHED -I%S/Inputs/in-tree-libssh2

// A libssh2 session blocks until the program switches it with
// libssh2_session_set_blocking(s, 0): libssh2 then waits on the socket
// itself, whatever the socket's own mode, and LIBSSH2_ERROR_EAGAIN never
// comes back. A program that makes its sessions, never switches one and
// lets none of them in or out of view (reduced from libssh2's
// example/subsystem_netconf.c, whose read loop retries on
// LIBSSH2_ERROR_EAGAIN at once) cannot spin there: not reported.
// Twins that are: the same program with the session switched to
// non-blocking, and one that hands its session to a function out of view
// (which may switch it). The same with libssh2's header in the project's
// own tree (not a system header, as for libssh2's examples): its poll
// struct, whose field holds a channel, is libssh2's and hands nothing in.

#include <libssh2.h>
#include <string.h>
#include <sys/types.h>

#ifdef HANDED_ON
void tune_session(LIBSSH2_SESSION *s);
#endif

static ssize_t read_reply(LIBSSH2_CHANNEL *channel, char *buf, size_t len) {
  ssize_t n;
  size_t got = 0;
  do {
    n = libssh2_channel_read(channel, buf + got, len - got);
    // SWITCHED-MESSAGES: :[[@LINE-1]]:9: warning: 'libssh2_channel_read_ex' on the socket of 'channel' is retried on LIBSSH2_ERROR_EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // HANDED-MESSAGES: :[[@LINE-2]]:9: warning: 'libssh2_channel_read_ex' on the socket of 'channel' is retried on LIBSSH2_ERROR_EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n == LIBSSH2_ERROR_EAGAIN)
      continue;
    if (n < 0)
      return -1;
    got += (size_t)n;
  } while (got < len && !memchr(buf, '\n', got));
  return (ssize_t)got;
}

int run_client(int sock, const char *user, const char *password) {
  char reply[256];
  LIBSSH2_SESSION *session = libssh2_session_init();
  if (!session)
    return -1;
  if (libssh2_session_handshake(session, sock))
    return -1;
#ifdef SWITCHED
  libssh2_session_set_blocking(session, 0);
#endif
#ifdef HANDED_ON
  tune_session(session);
#endif
  if (libssh2_userauth_password(session, user, password))
    return -1;
  LIBSSH2_CHANNEL *channel = libssh2_channel_open_session(session);
  if (!channel)
    return -1;
  ssize_t n = read_reply(channel, reply, sizeof reply);
  libssh2_channel_free(channel);
  libssh2_session_disconnect(session, "bye");
  libssh2_session_free(session);
  return n < 0 ? -1 : 0;
}
