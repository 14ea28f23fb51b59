// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Names ctl.c's shared channels: what it does there is not ctl.c's to see;
// its summary says it (global_objects).
#include "chan.h"
#include <stdlib.h>

extern struct chanbuf *shared_chan, *busy_chan, *taken_chan;

void other_note(void) { chan_note(shared_chan); }

void other_drop(void) {
  free(shared_chan);
  shared_chan = NULL;
}

void other_scoped(void) {
  extern struct chanbuf *scoped_chan; /* named in a block, all the same */
  chan_nonblock(scoped_chan);
}

void other_async(void) { chan_nonblock(busy_chan); }

void other_adopt(int fd) { taken_chan->fd = fd; }
