// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The callers, on a descriptor whose mode this file does not know: EAGAIN
// alone after chan_recv() or msg_read() is about their own code; after
// chan_plain_recv() it can only be a would-block.
#include "chan.h"
#include <errno.h>
#include <fcntl.h>

int fatal(const char *why);

int on_readable(int fd, char *buf, size_t len) {
  if (chan_recv(fd, buf, len) == -1 && errno != EAGAIN)
    return fatal("chan_recv");
  if (msg_read(fd, buf, len) == -1 && errno != EAGAIN)
    return fatal("msg_read");
  if (chan_plain_recv(fd, buf, len) == -1 && errno != EAGAIN)
    return fatal("chan_plain_recv");
  return 0;
}

// Made non-blocking here: a would-block may come as EWOULDBLOCK.
int on_accepted(int fd, char *buf, size_t len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  if (chan_recv(fd, buf, len) == -1 && errno != EAGAIN)
    return fatal("chan_recv");
  return 0;
}

// EWOULDBLOCK alone misses chan_recv's own EAGAIN.
int on_readable_would(int fd, char *buf, size_t len) {
  int n = chan_recv(fd, buf, len);
  if (n == -1 && errno != EWOULDBLOCK)
    return fatal("chan_recv");
  return n;
}
