// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A read in the branch of an FD_ISSET test of the same descriptor runs once
// select() reported it readable, whether the select is the C library's or
// a project's wrapper of it (`wait_sets()` below, declared only; dante's
// child loop calls its selectn() so): EAGAIN is not the expected outcome
// there, as for a caller's FD_ISSET test. Still reported: a read after the
// test's branch (it runs whether the descriptor was ready or not), a read
// of another descriptor than the one tested, and one behind `force ||`.

#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <sys/select.h>
#include <unistd.h>

// The project's select(): its body is in another file.
int wait_sets(int nfds, fd_set *rset);

int take_request(int fd, char *buf, unsigned len);

void child_loop(int mother, int ack, char *buf, unsigned len) {
  fcntl(mother, F_SETFL, fcntl(mother, F_GETFL) | O_NONBLOCK);
  fd_set rset;
  for (;;) {
    FD_ZERO(&rset);
    FD_SET(mother, &rset);
    FD_SET(ack, &rset);
    if (wait_sets(mother > ack ? mother + 1 : ack + 1, &rset) <= 0)
      continue;
    if (FD_ISSET(mother, &rset)) {
      if (read(mother, buf, len) < 0) {
        close(mother);
        return;
      }
    }
  }
}

// The negated test that skips the descriptor when it is not ready.
void child_loop_skip(int mother, char *buf, unsigned len) {
  fcntl(mother, F_SETFL, fcntl(mother, F_GETFL) | O_NONBLOCK);
  fd_set rset;
  for (;;) {
    FD_ZERO(&rset);
    FD_SET(mother, &rset);
    if (wait_sets(mother + 1, &rset) <= 0)
      continue;
    if (!FD_ISSET(mother, &rset))
      continue;
    if (read(mother, buf, len) < 0) {
      close(mother);
      return;
    }
  }
}

// Reported: the read comes after the test's branch, ready or not.
void child_loop_after(int mother, char *buf, unsigned len) {
  fcntl(mother, F_SETFL, fcntl(mother, F_GETFL) | O_NONBLOCK);
  fd_set rset;
  FD_ZERO(&rset);
  FD_SET(mother, &rset);
  int ready = 0;
  if (wait_sets(mother + 1, &rset) > 0 && FD_ISSET(mother, &rset))
    ready = 1;
  (void)ready;
  if (read(mother, buf, len) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'mother' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(mother);
  }
}

// Reported: the ready set says nothing about 'other'.
void child_loop_other(int mother, int other, char *buf, unsigned len) {
  fcntl(other, F_SETFL, fcntl(other, F_GETFL) | O_NONBLOCK);
  fd_set rset;
  FD_ZERO(&rset);
  FD_SET(mother, &rset);
  if (wait_sets(mother + 1, &rset) > 0 && FD_ISSET(mother, &rset)) {
    if (read(other, buf, len) < 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'read' on non-blocking fd 'other' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      close(other);
    }
  }
}

// Reported: `force ||` reaches the read without the test.
void child_loop_forced(int mother, int force, char *buf, unsigned len) {
  fcntl(mother, F_SETFL, fcntl(mother, F_GETFL) | O_NONBLOCK);
  fd_set rset;
  FD_ZERO(&rset);
  FD_SET(mother, &rset);
  (void)wait_sets(mother + 1, &rset);
  if (force || FD_ISSET(mother, &rset)) {
    if (read(mother, buf, len) < 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'read' on non-blocking fd 'mother' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      close(mother);
    }
  }
}
