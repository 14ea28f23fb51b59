// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A registration that passes two functions: glib's
// g_io_add_watch_full(channel, priority, condition, func, data, notify)
// calls func when the channel is ready, and notify, a destroy notifier
// (`void (*)(void *)`), when the watch is removed. The reader runs once
// the socket is readable and is not reported; a read in the notifier is
// (it runs when the watch goes, ready or not).

#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

typedef int gboolean;
typedef void *gpointer;
typedef struct _GIOChannel GIOChannel;
typedef enum { G_IO_IN = 1, G_IO_OUT = 4, G_IO_HUP = 16 } GIOCondition;
typedef gboolean (*GIOFunc)(GIOChannel *source, GIOCondition condition,
                            gpointer data);
typedef void (*GDestroyNotify)(gpointer data);
unsigned g_io_add_watch_full(GIOChannel *channel, int priority,
                             GIOCondition condition, GIOFunc func,
                             gpointer user_data, GDestroyNotify notify);
GIOChannel *g_io_channel_unix_new(int fd);

struct conn {
  int sock;
  char buf[256];
};

static gboolean conn_on_input(GIOChannel *source, GIOCondition condition,
                              gpointer data) {
  (void)source;
  (void)condition;
  struct conn *c = (struct conn *)data;
  if (recv(c->sock, c->buf, sizeof c->buf, 0) <= 0) {
    close(c->sock);
    return 0;
  }
  return 1;
}

// The destroy notifier reads a last time: not run on readiness.
static void conn_release(gpointer data) {
  struct conn *c = (struct conn *)data;
  if (recv(c->sock, c->buf, sizeof c->buf, 0) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' on non-blocking fd 'c->sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(c->sock);
  free(c);
}

void conn_watch(struct conn *c) {
  fcntl(c->sock, F_SETFL, fcntl(c->sock, F_GETFL) | O_NONBLOCK);
  g_io_add_watch_full(g_io_channel_unix_new(c->sock), 0,
                      (GIOCondition)(G_IO_IN | G_IO_HUP), conn_on_input, c,
                      conn_release);
}
