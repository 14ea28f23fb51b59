// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Connects a blocking socket; built with WITH_SEND_TIMEOUT it also limits
// how long a send may wait, with WITH_RECV_TIMEOUT how long a receive may.
#include "dial.h"
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

int dial(const char *path) {
  struct sockaddr_un su;
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s == -1)
    return -1;
#ifdef WITH_SEND_TIMEOUT
  struct timeval tv = {5, 0};
  setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
#endif
#ifdef WITH_RECV_TIMEOUT
  struct timeval rtv = {5, 0};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &rtv, sizeof rtv);
#endif
  memset(&su, 0, sizeof su);
  su.sun_family = AF_UNIX;
  strncpy(su.sun_path, path, sizeof su.sun_path - 1);
  if (connect(s, (struct sockaddr *)&su, sizeof su) == -1) {
    close(s);
    return -1;
  }
  return s;
}
