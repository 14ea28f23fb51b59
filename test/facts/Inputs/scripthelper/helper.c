// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Makes the helper's pipe and returns its write end, made non-blocking;
// a FIFO opened by path; and a socket for the push channel.
#include "helper.h"
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

int create_helper(void) {
  int pipefd[2];
  if (pipe(pipefd) == -1)
    return -1;
  fcntl(pipefd[1], F_SETFL, fcntl(pipefd[1], F_GETFL) | O_NONBLOCK);
  if (fork() == 0) {
    close(pipefd[1]);
    _exit(0);
  }
  close(pipefd[0]);
  return pipefd[1];
}

int open_status(const char *path) {
  return open(path, O_WRONLY | O_NONBLOCK);
}

int make_push_socket(void) {
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s == -1)
    return -1;
  fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK);
  return s;
}
