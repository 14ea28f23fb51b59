// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A C function of a Lua embedder that, on LIBSSH2_ERROR_EAGAIN, calls a
// script method with a continuation (lua_callk(..., k)) is suspended until
// the script, which may yield to the scheduler while its socket waits for
// data, resumes it: the retry waits. Reduced from nmap's NSE binding of
// libssh2 (nse_libssh2.cc: channel_read calls the object's "filter"
// method, which reads through nsock). Lua lets code yield only across a
// call with a continuation, so a plain lua_call() (a continuation of NULL)
// runs the method to its end without suspending the caller: that retry is
// still reported, and so are one whose continuation is a constant that is
// null and one that calls a project's own function named lua_callk.

#include <libssh2.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct lua_State lua_State;
typedef long lua_KContext;
typedef int (*lua_KFunction)(lua_State *L, int status, lua_KContext ctx);
void lua_callk(lua_State *L, int nargs, int nresults, lua_KContext ctx,
               lua_KFunction k);
int lua_pcallk(lua_State *L, int nargs, int nresults, int errfunc,
               lua_KContext ctx, lua_KFunction k);
void lua_pushvalue(lua_State *L, int idx);
int luaL_getmetafield(lua_State *L, int obj, const char *e);

static int channel_read(lua_State *L, int status, lua_KContext ctx) {
  LIBSSH2_CHANNEL *ch = (LIBSSH2_CHANNEL *)ctx;
  char buf[2048];
  ssize_t rc;
  (void)status;
  while ((rc = libssh2_channel_read_ex(ch, 0, buf, sizeof buf)) ==
         LIBSSH2_ERROR_EAGAIN) {
    luaL_getmetafield(L, 1, "filter");
    lua_pushvalue(L, 1);
    lua_callk(L, 1, 0, ctx, channel_read);
  }
  return (int)rc;
}

static int channel_eof(lua_State *L, int status, lua_KContext ctx) {
  LIBSSH2_CHANNEL *ch = (LIBSSH2_CHANNEL *)ctx;
  int rc;
  (void)status;
  while ((rc = libssh2_channel_send_eof(ch)) == LIBSSH2_ERROR_EAGAIN) {
    luaL_getmetafield(L, 1, "filter");
    lua_pushvalue(L, 1);
    if (lua_pcallk(L, 1, 0, 0, ctx, channel_eof) != 0)
      return -1;
  }
  return rc;
}

// Twin: the method is called without a continuation, so it cannot yield
// and the loop calls libssh2 again at once.
int channel_write_now(lua_State *L, LIBSSH2_CHANNEL *ch, const char *buf,
                      size_t len) {
  ssize_t rc;
  while ((rc = libssh2_channel_write_ex(ch, 0, buf, len)) ==
         LIBSSH2_ERROR_EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: 'libssh2_channel_write_ex' on the socket of 'ch' is retried on LIBSSH2_ERROR_EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:32: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: no fix-it: libssh2 gives no descriptor for the session; wait for the socket under it to become ready before the retry
    luaL_getmetafield(L, 1, "filter");
    lua_callk(L, 0, 0, 0, NULL);
  }
  return (int)rc;
}

int lua_entry(lua_State *L, LIBSSH2_CHANNEL *ch) {
  return channel_read(L, 0, (lua_KContext)ch) +
         channel_eof(L, 0, (lua_KContext)ch);
}

// Twin: the continuation is a constant, and null.
static const lua_KFunction no_continuation = 0;

int channel_eof_now(lua_State *L, LIBSSH2_CHANNEL *ch) {
  int rc;
  while ((rc = libssh2_channel_send_eof(ch)) == LIBSSH2_ERROR_EAGAIN) {
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'libssh2_channel_send_eof' on the socket of 'ch' is retried on LIBSSH2_ERROR_EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:71: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: no fix-it: libssh2 gives no descriptor for the session; wait for the socket under it to become ready before the retry
    luaL_getmetafield(L, 1, "filter");
    lua_callk(L, 0, 0, 0, no_continuation);
  }
  return rc;
}
