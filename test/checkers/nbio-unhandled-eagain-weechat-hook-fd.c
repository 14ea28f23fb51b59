// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// weechat's event loop turns each direction on by an argument of its own:
// hook_fd(plugin, fd, flag_read, flag_write, flag_exception, callback,
// pointer, data). A plugin calls it through its API table, as the
// weechat_hook_fd() macro expands; weechat's core calls it by name.
// Reduced from the xfer plugin's DCC chat: the socket is made non-blocking,
// its reader registered for reading, and the reader drops the chat when
// recv() fails: it runs once the socket is readable, where EAGAIN is not
// the expected outcome. Twins that are reported: a handler registered for
// writing only that reads, a handler whose read flag the code computes,
// the reader called directly, and a handler given to another library's
// hook_fd, whose third argument is a priority.

#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

struct t_hook;
struct t_weechat_plugin {
  struct t_hook *(*hook_fd)(struct t_weechat_plugin *plugin, int fd,
                            int flag_read, int flag_write, int flag_exception,
                            int (*callback)(const void *pointer, void *data,
                                            int fd),
                            const void *callback_pointer, void *callback_data);
};
extern struct t_weechat_plugin *weechat_plugin;
#define weechat_hook_fd(fd, r, w, e, cb, ptr, data)                            \
  (weechat_plugin->hook_fd)(weechat_plugin, fd, r, w, e, cb, ptr, data)

// weechat's core, which defines the function the table points to.
struct t_hook *hook_fd(struct t_weechat_plugin *plugin, int fd, int flag_read,
                       int flag_write, int flag_exception,
                       int (*callback)(const void *, void *, int),
                       const void *callback_pointer, void *callback_data);

// Another library's function of the same name and number of arguments.
struct timer_api {
  int (*hook_fd)(struct timer_api *api, int fd, int priority, int oneshot,
                 int flags, int (*cb)(const void *, void *, int), void *ptr,
                 const char *name);
};
extern struct timer_api *timers;

struct chat {
  int sock;
  char line[512];
};

static void chat_close(struct chat *c) {
  close(c->sock);
  c->sock = -1;
}

static int chat_recv_cb(const void *pointer, void *data, int fd) {
  (void)data;
  (void)fd;
  struct chat *c = (struct chat *)pointer;
  if (recv(c->sock, c->line, sizeof c->line, 0) <= 0)
    chat_close(c);
  return 0;
}

static int core_read_cb(const void *pointer, void *data, int fd) {
  (void)pointer;
  (void)data;
  char buf[64];
  if (read(fd, buf, sizeof buf) < 0)
    close(fd);
  return 0;
}

// Twin: the core's handler registered for writing only, but it reads (the
// registration tells its descriptor non-blocking).
static int core_write_cb(const void *pointer, void *data, int fd) {
  (void)pointer;
  (void)data;
  char buf[64];
  if (read(fd, buf, sizeof buf) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
  return 0;
}

// Twin: registered for writing only, but it reads.
static int chat_flush_cb(const void *pointer, void *data, int fd) {
  (void)data;
  (void)fd;
  struct chat *c = (struct chat *)pointer;
  if (recv(c->sock, c->line, sizeof c->line, 0) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'c->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    chat_close(c);
  return 0;
}

// Twin: whether it is registered for reading is decided at run time.
static int chat_maybe_cb(const void *pointer, void *data, int fd) {
  (void)data;
  (void)fd;
  struct chat *c = (struct chat *)pointer;
  if (recv(c->sock, c->line, sizeof c->line, 0) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'c->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    chat_close(c);
  return 0;
}

// Twin: given to the other library's hook_fd.
static int chat_tick_cb(const void *pointer, void *data, int fd) {
  (void)data;
  (void)fd;
  struct chat *c = (struct chat *)pointer;
  if (recv(c->sock, c->line, sizeof c->line, 0) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'c->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    chat_close(c);
  return 0;
}

void chat_start(struct chat *c, int want_read) {
  fcntl(c->sock, F_SETFL, fcntl(c->sock, F_GETFL) | O_NONBLOCK);
  weechat_hook_fd(c->sock, 1, 0, 0, &chat_recv_cb, c, NULL);
  weechat_hook_fd(c->sock, 0, 1, 0, &chat_flush_cb, c, NULL);
  weechat_hook_fd(c->sock, want_read, 0, 0, &chat_maybe_cb, c, NULL);
  timers->hook_fd(timers, c->sock, 10, 0, 0, &chat_tick_cb, c, "tick");
}

void core_watch(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  hook_fd(NULL, fd, 1, 0, 0, &core_read_cb, NULL, NULL);
  hook_fd(NULL, fd, 0, 1, 0, &core_write_cb, NULL, NULL);
}

// Twin: the reader called directly, not by the loop.
void chat_read_now(struct chat *c) {
  if (recv(c->sock, c->line, sizeof c->line, 0) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'c->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    chat_close(c);
}
