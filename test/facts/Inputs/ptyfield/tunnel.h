// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#ifndef PTYFIELD_TUNNEL_H
#define PTYFIELD_TUNNEL_H
#include <stddef.h>

struct tunnel {
  int pppd_pty; // forkpty()'s master (tunnel.c)
  int peer;     // a pty master (tunnel.c) or a socket (peer.c)
};

int tunnel_start(struct tunnel *t);
int peer_connect(struct tunnel *t);
int pty_to_pppd(struct tunnel *t, const char *frame, size_t n);
int pty_to_peer(struct tunnel *t, const char *frame, size_t n);
#endif
