// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Another file's packet writer, declared only inside the function that
// calls it: no declaration at file scope names it.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

void reply_local(int sock, const char *reply, size_t size) {
  ssize_t send_packet(int fd, const void *packet, size_t size);
  fcntl(sock, F_SETFL, fcntl(sock, F_GETFL, 0) | O_NONBLOCK);
  if (send_packet(sock, reply, size) < 0) {
    close(sock);
    exit(1);
  }
}
