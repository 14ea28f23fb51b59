// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "settings.h"
#include <sys/socket.h>
#include <sys/time.h>

void limit_send_wait(int sock, long usec) {
  struct timeval tv = {usec / 1000000, usec % 1000000};
  setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

void limit_recv_wait(int sock, long usec) {
  struct timeval tv = {usec / 1000000, usec % 1000000};
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

void tune_buffers(int sock, int bytes) {
  setsockopt(sock, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
}
