// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Connects to the daemon's control socket: blocking, as a synchronous
// client wants it; the fast variant makes it non-blocking.
#include "ctl.h"
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int ctl_connect(const char *name) {
  struct sockaddr_un su;
  int s = socket(PF_UNIX, SOCK_STREAM, 0);
  if (s == -1)
    return -1;
  memset(&su, 0, sizeof su);
  su.sun_family = AF_UNIX;
  strncpy(su.sun_path, name, sizeof su.sun_path - 1);
  if (connect(s, (struct sockaddr *)&su, sizeof su) == -1) {
    close(s);
    return -1;
  }
  return s;
}

int ctl_connect_fast(const char *name) {
  struct sockaddr_un su;
  int s = socket(PF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (s == -1)
    return -1;
  memset(&su, 0, sizeof su);
  su.sun_family = AF_UNIX;
  strncpy(su.sun_path, name, sizeof su.sun_path - 1);
  connect(s, (struct sockaddr *)&su, sizeof su);
  return s;
}

void ctl_note(int fd) { fprintf(stderr, "control socket %d\n", fd); }

void ctl_tune(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }
