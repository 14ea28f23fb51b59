// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// Reduced from nuttcp 6.1.2: on an abort, the server sends one urgent
// byte on its control connection without blocking. It reads the socket's
// flags, sets O_NONBLOCK for that one send, and puts the flags it read
// back right after, each step only when the read of the flags worked.
// Everywhere else the control socket is blocking, so a later recv() on
// it that gives up on any failure is right, and so is dropping the
// send's result: the function made the socket non-blocking for that send
// alone, as MSG_DONTWAIT would. Twins: a restore that some
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
    // Non-blocking for this send alone, its result dropped: the function
    // asked not to wait, as MSG_DONTWAIT would (not reported).
    send(ctl[0], "A", 1, MSG_OOB);
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

// Twins of the scoped send: each keeps the send's result dropped on a
// descriptor that is non-blocking there, but the window is not the send's
// alone.

// The flags are not put back: the socket stays non-blocking after it.
int ctl_g[2];

void abort_transfer_g(void) {
  int saved = fcntl(ctl_g[0], F_GETFL, 0);
  if (saved != -1)
    fcntl(ctl_g[0], F_SETFL, saved | O_NONBLOCK);
  send(ctl_g[0], "A", 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' on non-blocking fd 'ctl_g[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// Another send on the descriptor inside the window, before this one.
int ctl_h[2];

void abort_transfer_h(const char *why, int len) {
  int saved = fcntl(ctl_h[0], F_GETFL, 0);
  if (saved == -1)
    return;
  fcntl(ctl_h[0], F_SETFL, saved | O_NONBLOCK);
  if (send(ctl_h[0], why, len, 0) < 0 && errno != EAGAIN)
    perror("send");
  send(ctl_h[0], "A", 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' on non-blocking fd 'ctl_h[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  fcntl(ctl_h[0], F_SETFL, saved);
}

// A path leaves the function between the send and the restore.
int ctl_i[2];

void abort_transfer_i(int fatal) {
  int saved = fcntl(ctl_i[0], F_GETFL, 0);
  if (saved == -1)
    return;
  fcntl(ctl_i[0], F_SETFL, saved | O_NONBLOCK);
  send(ctl_i[0], "A", 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' on non-blocking fd 'ctl_i[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  if (fatal)
    exit(1);
  fcntl(ctl_i[0], F_SETFL, saved);
}

// The flags put back were read after O_NONBLOCK was set: they keep it.
int ctl_j[2];

void abort_transfer_j(void) {
  int saved;
  fcntl(ctl_j[0], F_SETFL, O_RDWR | O_NONBLOCK);
  saved = fcntl(ctl_j[0], F_GETFL, 0);
  send(ctl_j[0], "A", 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' on non-blocking fd 'ctl_j[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  fcntl(ctl_j[0], F_SETFL, saved);
}

// The send runs in a loop inside the window: the window is no single
// call's (a queue drained without waiting, each loss unnoticed).
int ctl_k[2];

void flush_k(const char **lines, int n) {
  int saved = fcntl(ctl_k[0], F_GETFL, 0);
  if (saved == -1)
    return;
  fcntl(ctl_k[0], F_SETFL, saved | O_NONBLOCK);
  for (int i = 0; i < n; i++)
    send(ctl_k[0], lines[i], 8, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'send' on non-blocking fd 'ctl_k[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  fcntl(ctl_k[0], F_SETFL, saved);
}

// Quiet: the same window when the process exits right after the restore
// (nuttcp's err()), and with the set written as an fcntl that always
// works.
int ctl_l[2];

void die_l(const char *msg) {
  int saveflags = fcntl(ctl_l[0], F_GETFL, 0);
  perror(msg);
  if (saveflags != -1) {
    int flags = saveflags | O_NONBLOCK;
    fcntl(ctl_l[0], F_SETFL, flags);
  }
  send(ctl_l[0], "A", 1, MSG_OOB);
  if (saveflags != -1)
    fcntl(ctl_l[0], F_SETFL, saveflags);
  exit(1);
}

// Twin: the array is handed whole to pipe() before the restore, so the
// restore may reach another descriptor and leave this one non-blocking.
int ctl_m[2];

void abort_transfer_m(void) {
  int saved = fcntl(ctl_m[0], F_GETFL, 0);
  if (saved == -1)
    return;
  fcntl(ctl_m[0], F_SETFL, saved | O_NONBLOCK);
  send(ctl_m[0], "A", 1, MSG_OOB);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' on non-blocking fd 'ctl_m[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  pipe(ctl_m);
  fcntl(ctl_m[0], F_SETFL, saved);
}
