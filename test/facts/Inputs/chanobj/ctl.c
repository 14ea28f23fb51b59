// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A control client: its channels are blocking sockets.
#include "chan.h"
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int ctl_query(void) {
  struct chanbuf *cb = malloc(sizeof(*cb));
  if (cb == NULL)
    return -1;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd == -1)
    return -1;
  chan_init(cb, fd);
  chan_note(cb);
  char buf[64];
  if (chan_read(cb, buf, sizeof buf) == -1 && errno != EAGAIN)
    return -1;
  while (cb->w.queued)
    if (chanw_flush(&cb->w, "q", 1) <= 0 && errno != EAGAIN)
      return -1;
  return 0;
}

struct chanbuf *main_chan;

void main_setup(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return;
  main_chan = malloc(sizeof(struct chanbuf));
  if (main_chan == NULL)
    return;
  chan_init(main_chan, sv[0]);
  close(sv[1]);
}

int main_dispatch(void) {
  char b[16];
  if (chan_read(main_chan, b, sizeof b) == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

int peer_query(void) {
  struct chanbuf *cb = malloc(sizeof(*cb));
  if (cb == NULL)
    return -1;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  chan_init(cb, fd);
  chan_nonblock(cb);
  char buf[64];
  if (chan_read(cb, buf, sizeof buf) == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

struct chanbuf *shared_chan;

void shared_setup(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return;
  shared_chan = malloc(sizeof(struct chanbuf));
  if (shared_chan == NULL)
    return;
  chan_init(shared_chan, sv[0]);
}

int shared_dispatch(void) {
  char b[16];
  if (chan_read(shared_chan, b, sizeof b) == -1 && errno != EAGAIN)
    return -1;
  return 0;
}

/* Three more channels other.c names: it makes one non-blocking (one of
   them named only inside a function there), and stores a descriptor of its
   own in the other. */
struct chanbuf *busy_chan, *taken_chan, *scoped_chan;

void busy_setup(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return;
  busy_chan = malloc(sizeof(struct chanbuf));
  taken_chan = malloc(sizeof(struct chanbuf));
  scoped_chan = malloc(sizeof(struct chanbuf));
  if (busy_chan == NULL || taken_chan == NULL || scoped_chan == NULL)
    return;
  chan_init(busy_chan, sv[0]);
  chan_init(taken_chan, sv[1]);
  chan_init(scoped_chan, sv[1]);
}

int busy_dispatch(void) {
  char b[16];
  if (chan_read(busy_chan, b, sizeof b) == -1 && errno != EAGAIN)
    return -1;
  if (chan_read(taken_chan, b, sizeof b) == -1 && errno != EAGAIN)
    return -1;
  if (chan_read(scoped_chan, b, sizeof b) == -1 && errno != EAGAIN)
    return -1;
  return 0;
}
