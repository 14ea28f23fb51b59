// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %clang_tidy --load=%plugin -checks='-*,debug-nbio-analysis' %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'

// The non-blocking flag of socket(), accept4() or open() given through a
// local flags variable (libmodbus's _modbus_tcp_connect builds `flags`
// under #ifdef SOCK_NONBLOCK). The changes that reach the call on the CFG
// decide: the flag set on some path makes the descriptor non-blocking,
// whichever way an if's branches are written. Twins: the flag taken away
// again, the variable set outright, the flag set after the call, and both
// branches clearing it.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

int with_flag(char *b) {
  int type = SOCK_STREAM;
  type |= SOCK_NONBLOCK;
  int s = socket(PF_INET, type, 0);
  return read(s, b, 4);
  // CHECK: creator-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 's': non-blocking; failure path
}

// The flag in the initialiser (found in review: an initialiser that is
// itself an expression with `|` was not read as one).
int flag_in_initialiser(char *b) {
  int type = SOCK_STREAM | SOCK_NONBLOCK;
  int s = socket(PF_INET, type, 0);
  return read(s, b, 4);
  // CHECK: creator-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 's': non-blocking; failure path
}

int flag_removed(char *b) {
  int type = SOCK_STREAM | SOCK_NONBLOCK;
  type &= ~SOCK_NONBLOCK;
  int s = socket(PF_INET, type, 0);
  return read(s, b, 4);
  // CHECK: creator-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 's': not known non-blocking
}

int set_outright(const char *path, char *b) {
  int flags = O_RDONLY | O_NONBLOCK;
  flags = O_RDONLY;
  int fd = open(path, flags);
  return read(fd, b, 4);
  // CHECK: creator-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 'fd': not known non-blocking
}

int set_after_call(const char *path, char *b) {
  int flags = O_RDONLY;
  int fd = open(path, flags);
  flags |= O_NONBLOCK;
  return read(fd, b, 4);
  // CHECK: creator-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 'fd': not known non-blocking
}

int branch_sets_first(int async, char *b) {
  int type = SOCK_STREAM;
  if (async)
    type |= SOCK_NONBLOCK;
  else
    type &= ~SOCK_NONBLOCK;
  int s = socket(PF_INET, type, 0);
  return read(s, b, 4);
  // CHECK: creator-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 's': non-blocking; failure path
}

int branch_sets_second(int sync, char *b) {
  int type = SOCK_STREAM;
  if (sync)
    type &= ~SOCK_NONBLOCK;
  else
    type |= SOCK_NONBLOCK;
  int s = socket(PF_INET, type, 0);
  return read(s, b, 4);
  // CHECK: creator-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 's': non-blocking; failure path
}

int both_branches_clear(int sync, char *b) {
  int type = SOCK_STREAM | SOCK_NONBLOCK;
  if (sync)
    type &= ~SOCK_NONBLOCK;
  else
    type = SOCK_STREAM;
  int s = socket(PF_INET, type, 0);
  return read(s, b, 4);
  // CHECK: creator-flags-variable.c:[[@LINE-1]]:10: warning: 'read' on 's': not known non-blocking
}
