// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#define _GNU_SOURCE 1
#include "tunnel.h"
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

int tunnel_start(struct tunnel *t) {
  int amaster;
  pid_t pid = forkpty(&amaster, NULL, NULL, NULL);
  if (pid == -1)
    return -1;
  if (pid == 0)
    _exit(0);
  fcntl(amaster, F_SETFL, fcntl(amaster, F_GETFL) | O_NONBLOCK);
  t->pppd_pty = amaster;
  t->peer = amaster;
  return 0;
}
