// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The packet writer declared at file scope, as a header would, but called
// through a second declaration inside the function: the call marks that
// one, and both are one function.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t send_packet(int fd, const void *packet, size_t size);

void reply_once(int sock, const char *reply, size_t size) {
  ssize_t send_packet(int fd, const void *packet, size_t size);
  fcntl(sock, F_SETFL, fcntl(sock, F_GETFL, 0) | O_NONBLOCK);
  if (send_packet(sock, reply, size) < 0) {
    close(sock);
    exit(1);
  }
}
