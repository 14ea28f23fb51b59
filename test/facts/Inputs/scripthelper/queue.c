// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Hands a line to each channel; a full channel is tried again later. Each
// test names EAGAIN alone, which is the whole test on a pipe or a FIFO
// (POSIX gives EWOULDBLOCK to sockets only) and half of it on a socket.
#include "helper.h"
#include <errno.h>
#include <unistd.h>

static int pending;

void queue_event(const char *line, size_t len) {
  // The helper's pipe, in a field: every file fills it from create_helper().
  if (write(daemon_state->helperfd, line, len) == -1 && errno == EAGAIN)
    pending = 1;
  // A FIFO opened by path in helper.c, in a field.
  if (write(daemon_state->statusfd, line, len) == -1 && errno == EAGAIN)
    pending = 1;
  // A socket, in a field.
  if (write(daemon_state->pushfd, line, len) == -1 && errno == EAGAIN)
    pending = 1;
  // A pipe in main.c, but a socket in adopt.c.
  if (write(daemon_state->eventfd, line, len) == -1 && errno == EAGAIN)
    pending = 1;
  // A file in main.c, whose number adopt.c's dup2() makes a socket's.
  if (write(daemon_state->logfd, line, len) == -1 && errno == EAGAIN)
    pending = 1;
  // A file, or the standard input, which may be a socket.
  if (read(daemon_state->infd, (char *)line, len) == -1 && errno == EAGAIN)
    pending = 1;
  // The helper's pipe, returned to this file.
  int fd = create_helper();
  ssize_t n = write(fd, line, len);
  if (n == -1 && errno == EAGAIN)
    pending = 1;
  // A socket, returned to this file.
  int s = make_push_socket();
  n = write(s, line, len);
  if (n == -1 && errno == EAGAIN)
    pending = 1;
  // The helper's pipe, in a local copy of the field.
  int copy = daemon_state->helperfd;
  n = write(copy, line, len);
  if (n == -1 && errno == EAGAIN)
    pending = 1;
}
