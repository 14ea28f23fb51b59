// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Names ctl.c's shared channel: what it does there is not ctl.c's to see.
#include "chan.h"

extern struct chanbuf *shared_chan;

void other_note(void) { chan_note(shared_chan); }
