// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A project's own eventfd() for systems without one: a socket pair, whose
// buffer fills like any socket's.
#include <sys/socket.h>
#include <unistd.h>

int eventfd(unsigned int initval, int flags) {
  int sv[2];
  (void)initval;
  if (socketpair(AF_UNIX, SOCK_STREAM | flags, 0, sv) < 0)
    return -1;
  close(sv[1]);
  return sv[0];
}
