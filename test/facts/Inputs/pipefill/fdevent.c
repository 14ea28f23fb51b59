// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A helper that makes a pipe for its caller (lighttpd's
// fdevent_pipe_cloexec), and one that makes a socket pair instead.
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

int ev_pipe(int *fds) {
  if (pipe2(fds, O_CLOEXEC) != 0)
    return -1;
  return 0;
}

int ev_pair(int *fds) {
  return socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
}
