// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The relay's callers, in another file: a failed send drops the peer.

#include <string.h>
#include <unistd.h>

struct fdinfo {
  int fd;
};

int send_blocking(struct fdinfo *fdn, const char *buf, size_t size);
int send_async(struct fdinfo *fdn, const char *buf, size_t size);

void relay(struct fdinfo *fdn, const char *msg) {
  if (send_blocking(fdn, msg, strlen(msg)) <= 0)
    close(fdn->fd);
}

void relay_async(struct fdinfo *fdn, const char *msg) {
  if (send_async(fdn, msg, strlen(msg)) <= 0)
    close(fdn->fd);
}
