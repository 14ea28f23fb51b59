// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The server's own code calls write() on a non-blocking socket: the C
// library's write, whatever the preload library defines. A 4-byte command
// is below MinimumLength; a 200-byte message is not.
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int notify_peer(int cmd) {
  char msg[200] = {0};
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (s < 0)
    return -1;
  if (write(s, &cmd, sizeof(cmd)) != sizeof(cmd))
    perror("short command");
  if (write(s, msg, sizeof(msg)) != sizeof(msg))
    perror("short message");
  return s;
}
