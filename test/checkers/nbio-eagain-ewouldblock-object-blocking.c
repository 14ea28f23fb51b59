// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// The descriptor one object keeps, not the field of every object of its
// type: a channel struct set up with a blocking AF_UNIX socket (a local,
// or a static variable) fails with neither EAGAIN nor EWOULDBLOCK, so the
// EAGAIN test after its read is dead code (bgpctl's and ntpctl's imsg
// channels), even though the same struct holds a non-blocking descriptor
// elsewhere in the file (chan_nonblock). The object may be handed to the
// file's functions that store into it (chan_init, and chanw_init below
// it). Twins, still reported: the channel made non-blocking, the object's
// pointer kept elsewhere, a descriptor of unknown origin, and a variable
// other files may name.

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct chanw {
  int fd;
  unsigned queued;
};
struct chanbuf {
  int fd;
  struct chanw w;
};

static void chanw_init(struct chanw *w) {
  w->fd = -1;
  w->queued = 0;
}
static void chan_init(struct chanbuf *cb, int fd) {
  chanw_init(&cb->w);
  cb->fd = fd;
  cb->w.fd = fd;
}
static ssize_t chan_read(struct chanbuf *cb, void *b, size_t n) {
  return recv(cb->fd, b, n, 0);
}
static ssize_t chanw_flush(struct chanw *w, const void *b, size_t n) {
  return send(w->fd, b, n, 0);
}
static void chan_nonblock(struct chanbuf *cb) {
  int fl = fcntl(cb->fd, F_GETFL);
  fcntl(cb->fd, F_SETFL, fl | O_NONBLOCK);
}

// Quiet: a local channel on a blocking socket.
int ctl_query(void) {
  struct chanbuf *cb = malloc(sizeof(*cb));
  if (cb == NULL)
    return -1;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd == -1) {
    free(cb);
    return -1;
  }
  chan_init(cb, fd);
  char buf[64];
  if (chan_read(cb, buf, sizeof buf) == -1 && errno != EAGAIN)
    return -1;
  if (chanw_flush(&cb->w, "x", 1) == -1 && errno != EAGAIN)
    return -1;
  free(cb);
  return 0;
}

// Quiet: a static channel on a socketpair() end.
static struct chanbuf *child_chan;

void child_setup(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return;
  child_chan = malloc(sizeof(struct chanbuf));
  if (!child_chan)
    return;
  chan_init(child_chan, sv[0]);
  close(sv[1]);
}

int child_dispatch(void) {
  char b[16];
  ssize_t n = chan_read(child_chan, b, sizeof b);
  if (n == -1 && errno != EAGAIN)
    return -1;
  return (int)n;
}

// Twin: the channel is made non-blocking by chan_nonblock().
int peer_query(void) {
  struct chanbuf *cb = malloc(sizeof(*cb));
  if (cb == NULL)
    return -1;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  chan_init(cb, fd);
  chan_nonblock(cb);
  char buf[64];
  if (chan_read(cb, buf, sizeof buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: errno from 'chan_read' on 'cb->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (chan_read(cb, buf, sizeof buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                               (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// Twin: the pointer is kept where other code may store into the object.
struct chanbuf *last_chan;

int kept_query(void) {
  struct chanbuf *cb = malloc(sizeof(*cb));
  if (cb == NULL)
    return -1;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  chan_init(cb, fd);
  last_chan = cb;
  char buf[64];
  if (chan_read(cb, buf, sizeof buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: errno from 'chan_read' on 'cb->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (chan_read(cb, buf, sizeof buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                               (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// Twin: the descriptor comes from the caller.
int given_query(int fd) {
  struct chanbuf *cb = malloc(sizeof(*cb));
  if (cb == NULL)
    return -1;
  chan_init(cb, fd);
  char buf[64];
  if (chan_read(cb, buf, sizeof buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: errno from 'chan_read' on 'cb->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (chan_read(cb, buf, sizeof buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                               (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

// Twin: other files may name main_chan (and store into it); without the
// project's facts that is not known.
struct chanbuf *main_chan;

void main_setup(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return;
  main_chan = malloc(sizeof(struct chanbuf));
  chan_init(main_chan, sv[0]);
}

int main_dispatch(void) {
  char b[16];
  if (chan_read(main_chan, b, sizeof b) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: errno from 'chan_read' on 'main_chan->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (chan_read(main_chan, b, sizeof b) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                                  (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}
