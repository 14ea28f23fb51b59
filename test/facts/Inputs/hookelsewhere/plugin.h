// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A chat plugin's shared declarations (after weechat's xfer plugin): the
// loop's API table, the chat object, and the chat file's functions.
#ifndef HOOKELSEWHERE_PLUGIN_H
#define HOOKELSEWHERE_PLUGIN_H

struct hook;
struct api {
  struct hook *(*hook_fd)(struct api *api, int fd, int flag_read,
                          int flag_write, int flag_exception,
                          int (*callback)(const void *pointer, void *data,
                                          int fd),
                          const void *callback_pointer, void *callback_data);
};
extern struct api *plugin_api;
#define plugin_hook_fd(fd, r, w, e, cb, ptr, data)                             \
  (plugin_api->hook_fd)(plugin_api, fd, r, w, e, cb, ptr, data)

struct chat {
  int sock;
  char line[512];
};

int chat_recv_cb(const void *pointer, void *data, int fd);
int chat_drain_cb(const void *pointer, void *data, int fd);
int chat_flush_cb(const void *pointer, void *data, int fd);
int chat_peek_cb(const void *pointer, void *data, int fd);
void chat_close(struct chat *c);

#endif
