// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %clang_tidy --load=%plugin -checks='-*,debug-nbio-analysis' %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'

// fcntl(fd, F_SETFL, flags) with a flags variable: the definitions of the
// variable that reach the call on the CFG decide, as for a creator's flags
// (creator-flags-variable.c). O_NONBLOCK set on one branch of an if makes
// the fd non-blocking whichever way the branches are written; both
// branches clearing it, or the variable set back to a saved copy before
// the call, do not.

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int sets_first(int fd, char *b) {
  int flags = fcntl(fd, F_GETFL, 0);
  int blocking = getenv("BLOCK") != 0;
  if (!blocking)
    flags |= O_NONBLOCK;
  else
    flags &= ~O_NONBLOCK;
  fcntl(fd, F_SETFL, flags);
  return read(fd, b, 4);
  // CHECK: fcntl-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 'fd': non-blocking; failure path
  // CHECK: fcntl-flags-variable.c:[[@LINE-3]]:3: note: 'fd' was made non-blocking here
}

int clears_first(int fd, char *b) {
  int flags = fcntl(fd, F_GETFL, 0);
  int blocking = getenv("BLOCK") != 0;
  if (blocking)
    flags &= ~O_NONBLOCK;
  else
    flags |= O_NONBLOCK;
  fcntl(fd, F_SETFL, flags);
  return read(fd, b, 4);
  // CHECK: fcntl-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 'fd': non-blocking; failure path
  // CHECK: fcntl-flags-variable.c:[[@LINE-3]]:3: note: 'fd' was made non-blocking here
}

int both_clear(int fd, char *b) {
  int flags = fcntl(fd, F_GETFL, 0) | O_NONBLOCK;
  int blocking = getenv("BLOCK") != 0;
  if (blocking)
    flags &= ~O_NONBLOCK;
  else
    flags = O_RDWR;
  fcntl(fd, F_SETFL, flags);
  return read(fd, b, 4);
  // CHECK: fcntl-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 'fd': not known non-blocking; failure path
}

int set_then_saved(int fd, char *b) {
  int flags = fcntl(fd, F_GETFL, 0);
  int saved = flags;
  flags |= O_NONBLOCK;
  flags = saved;
  fcntl(fd, F_SETFL, flags);
  return read(fd, b, 4);
  // CHECK: fcntl-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 'fd': not known non-blocking; failure path
}
