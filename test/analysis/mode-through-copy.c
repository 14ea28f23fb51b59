// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %clang_tidy --load=%plugin -checks='-*,debug-nbio-analysis' %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'

// The mode is the open file's, not the variable's: a local (or parameter)
// that holds a copy of a field and is made non-blocking makes the field's
// descriptor non-blocking too (reduced from bitlbee's DCC sender, which
// accepts into df->fd, copies it into the callback's parameter and calls
// sock_make_nonblocking on the copy). Twins: the copy made blocking again,
// and a copy of another field.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

struct transfer {
  int fd;
  int log_fd;
};

int on_listen(struct transfer *t, int fd) {
  t->fd = accept(fd, 0, 0);
  // CHECK: mode-through-copy.c:[[@LINE-1]]:11: warning: 'accept' on 'fd': not known non-blocking; failure path: unknown at [[@LINE+1]]:3, tested no, branched no [debug-nbio-analysis]
  if (t->fd == -1)
    return 0;
  close(fd);
  fd = t->fd;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  return 1;
}

int transfer_write(struct transfer *t, const char *b, size_t n) {
  return (int)send(t->fd, b, n, 0);
  // CHECK: mode-through-copy.c:[[@LINE-1]]:15: warning: 'send' on 't->fd': non-blocking; failure path: returns at [[@LINE-1]]:3, tested no, branched no [debug-nbio-analysis]
  // CHECK: mode-through-copy.c:28:3: note: 't->fd' was made non-blocking here
}

void log_open(struct transfer *t) {
  int lfd = t->log_fd;
  fcntl(lfd, F_SETFL, O_NONBLOCK);
  fcntl(lfd, F_SETFL, 0);
}

int log_write(struct transfer *t, const char *b, size_t n) {
  return (int)write(t->log_fd, b, n);
  // CHECK: mode-through-copy.c:[[@LINE-1]]:15: warning: 'write' on 't->log_fd': not known non-blocking; failure path: returns at [[@LINE-1]]:3, tested no, branched no [debug-nbio-analysis]
}
