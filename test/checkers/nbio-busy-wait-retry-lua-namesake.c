// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// Twin of nbio-busy-wait-retry-nmap-lua-continuation.c: a project's own
// function named lua_callk, whose first parameter is not Lua's
// `lua_State *`, suspends nothing. Its call in the retry loop is no wait,
// and the loop that calls libssh2 again at once is reported.

#include <libssh2.h>
#include <stddef.h>
#include <sys/types.h>

struct bus;
typedef void (*bus_cb)(struct bus *b);
void lua_callk(struct bus *b, int nargs, int nresults, long ctx, bus_cb k);
void on_done(struct bus *b);

int channel_eof(struct bus *b, LIBSSH2_CHANNEL *ch) {
  int rc;
  while ((rc = libssh2_channel_send_eof(ch)) == LIBSSH2_ERROR_EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'libssh2_channel_send_eof' on the socket of 'ch' is retried on LIBSSH2_ERROR_EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:71: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: no fix-it: libssh2 gives no descriptor for the session; wait for the socket under it to become ready before the retry
    lua_callk(b, 0, 0, 0, on_done);
  }
  return rc;
}
