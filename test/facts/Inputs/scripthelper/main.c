// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Fills the daemon's descriptors at start-up, from helper.c's functions
// and from a pipe of its own.
#define _GNU_SOURCE
#include "helper.h"
#include <fcntl.h>
#include <unistd.h>

static struct daemon_state the_state = {-1, -1, -1, -1, -1, -1};
struct daemon_state *daemon_state = &the_state;

// The helper again, for a restart: what create_helper() returns.
int restart_helper(void) { return create_helper(); }

void start(const char *path) {
  int ends[2];
  daemon_state->helperfd = -1;
  daemon_state->helperfd = create_helper();
  daemon_state->statusfd = open_status(path);
  daemon_state->pushfd = make_push_socket();
  if (pipe2(ends, O_NONBLOCK) == 0)
    daemon_state->eventfd = ends[1];
  daemon_state->logfd = open("/var/log/helper.log", O_WRONLY | O_APPEND);
  daemon_state->infd = open(path, O_RDONLY);
  if (daemon_state->infd == -1)
    daemon_state->infd = STDIN_FILENO;
}
