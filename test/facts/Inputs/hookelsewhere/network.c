// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The network file accepts the chat, makes its socket non-blocking and
// hands the chat file's handlers to the loop.
#include "plugin.h"
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>

void chat_accept(struct chat *c, int listener) {
  c->sock = accept(listener, NULL, NULL);
  if (c->sock < 0)
    return;
  fcntl(c->sock, F_SETFL, fcntl(c->sock, F_GETFL) | O_NONBLOCK);
  plugin_hook_fd(c->sock, 1, 0, 0, &chat_recv_cb, c, NULL);
  plugin_hook_fd(c->sock, 1, 0, 0, &chat_drain_cb, c, NULL);
  plugin_hook_fd(c->sock, 0, 1, 0, &chat_flush_cb, c, NULL);
  plugin_hook_fd(c->sock, 1, 0, 0, &chat_peek_cb, c, NULL);
}

void chat_drain_now(struct chat *c) { chat_drain_cb(c, NULL, c->sock); }
