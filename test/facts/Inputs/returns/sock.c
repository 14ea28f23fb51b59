// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int dial(const char *path) {
  struct sockaddr_un sun;
  int s = socket(PF_UNIX, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  memset(&sun, 0, sizeof sun);
  sun.sun_family = AF_UNIX;
  strncpy(sun.sun_path, path, sizeof sun.sun_path - 1);
  if (connect(s, (struct sockaddr *)&sun, sizeof sun) < 0) {
    close(s);
    return -1;
  }
  return s;
}

// A control connection, left blocking.
int open_ctl(const char *path) { return dial(path); }

// A data connection, made non-blocking before it is returned.
int open_fast(const char *path) {
  int s = dial(path);
  if (s >= 0)
    fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK);
  return s;
}

// A datagram socket, made non-blocking before it is returned: a send on it
// goes out whole or not at all.
int open_udp(const char *path) {
  int s = socket(PF_UNIX, SOCK_DGRAM, 0);
  if (s < 0)
    return -1;
  fcntl(s, F_SETFL, O_NONBLOCK);
  return s;
}
