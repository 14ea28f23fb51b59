// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The chat's handlers: each drops the chat when recv() fails. The network
// file registers them with the loop. chat_recv_cb is registered for
// reading only: it runs once the socket is readable. chat_drain_cb is
// registered for reading too, but the network file also calls it
// directly; chat_flush_cb is registered for writing only; chat_peek_cb is
// registered for reading, and a third file keeps it in a table.
#include "plugin.h"
#include <sys/socket.h>
#include <unistd.h>

void chat_close(struct chat *c) {
  close(c->sock);
  c->sock = -1;
}

int chat_recv_cb(const void *pointer, void *data, int fd) {
  (void)data;
  (void)fd;
  struct chat *c = (struct chat *)pointer;
  if (recv(c->sock, c->line, sizeof c->line, 0) <= 0)
    chat_close(c);
  return 0;
}

int chat_drain_cb(const void *pointer, void *data, int fd) {
  (void)data;
  (void)fd;
  struct chat *c = (struct chat *)pointer;
  if (recv(c->sock, c->line, sizeof c->line, 0) <= 0)
    chat_close(c);
  return 0;
}

int chat_flush_cb(const void *pointer, void *data, int fd) {
  (void)data;
  (void)fd;
  struct chat *c = (struct chat *)pointer;
  if (recv(c->sock, c->line, sizeof c->line, 0) <= 0)
    chat_close(c);
  return 0;
}

int chat_peek_cb(const void *pointer, void *data, int fd) {
  (void)data;
  (void)fd;
  struct chat *c = (struct chat *)pointer;
  if (recv(c->sock, c->line, 1, MSG_PEEK) <= 0)
    chat_close(c);
  return 0;
}
