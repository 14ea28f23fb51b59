// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Checked system-call wrappers, as ncat's sys_wrap.c has them: Socket()
// hands its type to socket() and returns the descriptor as it came;
// AsyncSocket() makes it non-blocking before returning it.

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

int Socket(int domain, int type, int protocol) {
  int s = socket(domain, type, protocol);
  if (s == -1) {
    perror("socket");
    exit(1);
  }
  return s;
}

int AsyncSocket(int domain, int type, int protocol) {
  int s = socket(domain, type, protocol);
  if (s == -1)
    return -1;
  fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK);
  return s;
}

// The type is or-ed with a variable's flags: not returned as it came.
int sock_extra_flags;

int SocketExtra(int domain, int type, int protocol) {
  return socket(domain, type | sock_extra_flags, protocol);
}
