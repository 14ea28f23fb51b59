// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A wrapper of the channel's receive, in a file of its own: the EAGAIN
// that chan_recv sets itself comes through it as well.
#include "chan.h"

int msg_read(int fd, void *buf, size_t len) {
  return chan_recv(fd, buf, len);
}
