// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// Reduced from nuttcp 6.1.2: on an abort, the server sends one urgent
// byte on its control connection without blocking. It reads the socket's
// flags, sets O_NONBLOCK for that one send, and puts the flags it read
// back right after, each step only when the read of the flags worked.
// Everywhere else the control socket is blocking, so a later recv() on
// it that gives up on any failure is right. Twins: a restore that some
// path skips, flags read after O_NONBLOCK was set (putting them back
// keeps the socket non-blocking), and a copy of the flags that also holds
// the non-blocking value, each leave the socket non-blocking, and the
// recv() is reported.

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int ctl[4]; // ctl[0]: the control connection, blocking
int handle_urgent;

void abort_transfer(void) {
  long flags, saveflags;
  if (handle_urgent) {
    saveflags = fcntl(ctl[0], F_GETFL, 0);
    if (saveflags != -1) {
      flags = saveflags | O_NONBLOCK;
      fcntl(ctl[0], F_SETFL, flags);
    }
    // FIXME: a best-effort notice whose loss does not matter (the
    // transfer is being aborted); reported today.
    send(ctl[0], "A", 1, MSG_OOB);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'send' on non-blocking fd 'ctl[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
    if (saveflags != -1) {
      flags = saveflags;
      fcntl(ctl[0], F_SETFL, flags);
    }
  }
  close(ctl[1]);
}

int poll_urgent(void) {
  char c = 0;
  if (recv(ctl[0], &c, 1, MSG_OOB) < 0) {
    perror("recv urgent data");
    exit(1);
  }
  return c == 'A';
}

// Twin: the restore only happens when the caller asks for it.
int ctl_b[2];

void abort_transfer_b(int urgent, int restore) {
  int saved = fcntl(ctl_b[0], F_GETFL, 0);
  if (saved < 0)
    return;
  if (urgent)
    fcntl(ctl_b[0], F_SETFL, saved | O_NONBLOCK);
  if (send(ctl_b[0], "A", 1, MSG_OOB) < 0 && errno != EAGAIN)
    perror("send");
  if (restore)
    fcntl(ctl_b[0], F_SETFL, saved);
}

int poll_urgent_b(void) {
  char c = 0;
  if (recv(ctl_b[0], &c, 1, MSG_OOB) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'ctl_b[0]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    perror("recv urgent data");
    exit(1);
  }
  return c == 'A';
}

// Twin: the flags are read after O_NONBLOCK was set, so putting them back
// keeps it.
int ctl_c[2];

void abort_transfer_c(void) {
  int saved;
  fcntl(ctl_c[0], F_SETFL, O_RDWR | O_NONBLOCK);
  saved = fcntl(ctl_c[0], F_GETFL, 0);
  if (send(ctl_c[0], "A", 1, MSG_OOB) < 0 && errno != EAGAIN)
    perror("send");
  fcntl(ctl_c[0], F_SETFL, saved);
}

int poll_urgent_c(void) {
  char c = 0;
  if (recv(ctl_c[0], &c, 1, MSG_OOB) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'ctl_c[0]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    perror("recv urgent data");
    exit(1);
  }
  return c == 'A';
}

// Twin: the copy put back also holds the non-blocking flags on a path.
int ctl_d[2];

void abort_transfer_d(int keep) {
  int saved = fcntl(ctl_d[0], F_GETFL, 0), flags;
  if (saved == -1)
    return;
  flags = saved | O_NONBLOCK;
  fcntl(ctl_d[0], F_SETFL, flags);
  if (send(ctl_d[0], "A", 1, MSG_OOB) < 0 && errno != EAGAIN)
    perror("send");
  if (!keep)
    flags = saved;
  fcntl(ctl_d[0], F_SETFL, flags);
}

int poll_urgent_d(void) {
  char c = 0;
  if (recv(ctl_d[0], &c, 1, MSG_OOB) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'ctl_d[0]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    perror("recv urgent data");
    exit(1);
  }
  return c == 'A';
}

// Twin: the function reconnects between reading the old socket's flags
// and testing them, so `saved == -1` says nothing of the new socket, which
// is left non-blocking on that path.
int ctl_e = -1;

void reconnect_e(void) {
  int saved = fcntl(ctl_e, F_GETFL, 0);
  close(ctl_e);
  ctl_e = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(ctl_e, F_SETFL, O_NONBLOCK);
  if (saved == -1)
    return;
  fcntl(ctl_e, F_SETFL, saved);
}

int poll_urgent_e(void) {
  char c = 0;
  if (recv(ctl_e, &c, 1, MSG_OOB) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'ctl_e' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    perror("recv urgent data");
    exit(1);
  }
  return c == 'A';
}

// Twin: flags given as a number that has the O_NONBLOCK bit (04000 on
// Linux) keep the socket non-blocking, whatever names they spell.
int ctl_f;

void setup_f(void) {
  int fl = 04002;
  ctl_f = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(ctl_f, F_SETFL, O_NONBLOCK);
  fcntl(ctl_f, F_SETFL, fl);
}

int poll_urgent_f(void) {
  char c = 0;
  if (recv(ctl_f, &c, 1, MSG_OOB) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'ctl_f' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    perror("recv urgent data");
    exit(1);
  }
  return c == 'A';
}
