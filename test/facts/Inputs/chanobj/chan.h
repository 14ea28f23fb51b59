// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A message channel's buffers, set up in one file and used in others (the
// shape of OpenBSD's imsg: imsg_init, imsg_read, msgbuf_write).
#include <sys/types.h>

struct chanw {
  int fd;
  unsigned queued;
};
struct chanbuf {
  int fd;
  struct chanw w;
};

void chanw_init(struct chanw *w);
void chan_init(struct chanbuf *cb, int fd);
ssize_t chan_read(struct chanbuf *cb, void *b, size_t n);
ssize_t chanw_flush(struct chanw *w, const void *b, size_t n);
void chan_nonblock(struct chanbuf *cb);
void chan_note(struct chanbuf *cb);
