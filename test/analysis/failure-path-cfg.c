// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %clang_tidy --load=%plugin -checks='-*,debug-nbio-analysis' %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'

// The failure path is one walk through the function's CFG. These are the
// shapes the earlier statement-by-statement walk got wrong: a long branch
// (it stopped after 400 steps), a do loop met on the path (unknown), a
// condition whose first term is unknown but whose whole value is not.

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Ten statements of bookkeeping, to make a long failure branch. */
#define NOTE10(c)                                                              \
  c->errors++; c->errors++; c->errors++; c->errors++; c->errors++;             \
  c->errors++; c->errors++; c->errors++; c->errors++; c->errors++;
#define NOTE100(c)                                                             \
  NOTE10(c) NOTE10(c) NOTE10(c) NOTE10(c) NOTE10(c)                            \
  NOTE10(c) NOTE10(c) NOTE10(c) NOTE10(c) NOTE10(c)

struct conn {
  int fd;
  long errors;
  int again;
};

// 500 statements, then the close: the walk has no step budget.
int long_branch(struct conn *c, char *b) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(c->fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'c->fd': non-blocking; failure path: terminal at [[@LINE+3]]:5, tested no, branched yes
  if (n < 0) {
    NOTE100(c) NOTE100(c) NOTE100(c) NOTE100(c) NOTE100(c)
    close(c->fd);
    return -1;
  }
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'c->fd' was made non-blocking here

// Its twin waits at the end of the same long branch.
int long_branch_waits(struct conn *c, char *b) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(c->fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'c->fd': non-blocking; failure path: waits at [[@LINE+4]]:5, tested no, branched yes
  if (n < 0) {
    NOTE100(c) NOTE100(c) NOTE100(c) NOTE100(c) NOTE100(c)
    struct pollfd p = {c->fd, POLLIN, 0};
    poll(&p, 1, -1);
    return 0;
  }
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'c->fd' was made non-blocking here

// A do loop on the path that only counts runs, and the path goes on to
// the close after it.
int do_loop_on_the_path(struct conn *c, char *b) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(c->fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'c->fd': non-blocking; failure path: terminal at [[@LINE+5]]:5, tested no, branched yes
  if (n < 0) {
    do {
      c->errors++;
    } while (c->again);
    close(c->fd);
    return -1;
  }
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'c->fd' was made non-blocking here

// Its twin's do loop tests the failure itself: the path is its own.
int do_loop_tests_failure(struct conn *c, char *b) {
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(c->fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'c->fd': non-blocking; failure path: unknown at [[@LINE+2]]:5, tested yes, branched yes
  if (n < 0) {
    do {
      if (errno == EAGAIN)
        c->errors++;
    } while (c->again);
    close(c->fd);
    return -1;
  }
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'c->fd' was made non-blocking here

// `verbose && n > 0` is false whatever verbose is: the path goes on to
// the exit.
int unknown_term_decided(int fd, int verbose, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: terminal at [[@LINE+4]]:5, tested no, branched yes
  if (verbose && n > 0)
    return 1;
  if (n < 0)
    exit(1);
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'fd' was made non-blocking here

// Its twin's `verbose || n > 0` depends on verbose: unknown.
int unknown_term_undecided(int fd, int verbose, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: unknown at [[@LINE+1]]:3, tested no, branched no
  if (verbose || n > 0)
    return 1;
  if (n < 0)
    exit(1);
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'fd' was made non-blocking here

// Falling through from the EAGAIN case into the next one.
int fall_through(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: terminal at [[@LINE+7]]:7, tested yes, branched yes
  if (n < 0) {
    switch (errno) {
    case EAGAIN:
      fprintf(stderr, "busy\n");
      /* fall through */
    case EPIPE:
      close(fd);
      return -1;
    default:
      break;
    }
  }
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'fd' was made non-blocking here

// FIXME: a loop made of a backward goto that does not hold the call ends
// the walk (a block reached twice), although it ends and the close
// follows.
int goto_loop_off_the_call(int fd, int tries, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: unknown at [[@LINE+3]]:5, tested no, branched yes
  if (n < 0) {
  again:
    if (--tries > 0)
      goto again;
    close(fd);
  }
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'fd' was made non-blocking here

// A switch on the call's result: the failure takes the case that holds -1
// (OpenSSH's atomicio switches on what the call returned).
int switch_on_result(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: terminal at [[@LINE+3]]:5, tested no, branched yes
  switch (n) {
  case -1:
    close(fd);
    return -1;
  case 0:
    return 0;
  default:
    return (int)n;
  }
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'fd' was made non-blocking here

// Twin: -1 is in no case, so it takes the default, which hands the
// failure back.
int switch_on_result_default(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: returns at [[@LINE+8]]:3, tested no, branched yes
  switch (n) {
  case 0:
    close(fd);
    return -1;
  default:
    break;
  }
  return (int)n;
}
// CHECK: failure-path-cfg.c:{{[0-9]+}}:3: note: 'fd' was made non-blocking here

// Back at the loop's head, the next round is asked whether it comes to
// the call again: a read made again only under EINTR does not, after
// EAGAIN (the copy of errno is made on the way round), so the path is no
// retry. The first read meets a loop that tests the failure: unknown.
int eintr_only_next_round(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: unknown at [[@LINE+2]]:3, tested no, branched no
  // CHECK: failure-path-cfg.c:[[@LINE-3]]:3: note: 'fd' was made non-blocking here
  while (n < 0) {
    int e = errno;
    if (e == EINTR) {
      n = read(fd, b, 1);
      // CHECK: failure-path-cfg.c:[[@LINE-1]]:11: warning: 'read' on 'fd': non-blocking; failure path: unknown at [[@LINE-4]]:3, tested no, branched yes
      // CHECK: failure-path-cfg.c:[[@LINE-9]]:3: note: 'fd' was made non-blocking here
      continue;
    }
    return -1;
  }
  return (int)n;
}

// Twin: the next round comes to the read again whenever the flag, which
// the walk cannot read, lets it.
int flag_next_round(int fd, char *b, int *stop) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 1);
  // CHECK: failure-path-cfg.c:[[@LINE-1]]:15: warning: 'read' on 'fd': non-blocking; failure path: unknown at [[@LINE+2]]:3, tested no, branched no
  // CHECK: failure-path-cfg.c:[[@LINE-3]]:3: note: 'fd' was made non-blocking here
  while (n < 0) {
    if (*stop)
      return -1;
    n = read(fd, b, 1);
    // CHECK: failure-path-cfg.c:[[@LINE-1]]:9: warning: 'read' on 'fd': non-blocking; failure path: retries at [[@LINE-4]]:10, tested no, branched yes
    // CHECK: failure-path-cfg.c:[[@LINE-9]]:3: note: 'fd' was made non-blocking here
  }
  return (int)n;
}
