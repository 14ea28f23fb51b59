// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The setters keep what their callers give them; the getters hand it out.
#include "privsep.h"

static int priv = -1, peer = -1, cb = -1;

void priv_set_fd(int fd) { priv = fd; }
int priv_fd(void) { return priv; }

void peer_set_fd(int fd) { peer = fd; }
int peer_fd(void) { return peer; }

void cb_set_fd(int fd) { cb = fd; }
int cb_fd(void) { return cb; }
