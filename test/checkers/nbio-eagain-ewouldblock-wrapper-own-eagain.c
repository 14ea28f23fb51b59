// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17
// RUN: %check_nbio --prefix=NB %s nbio-eagain-ewouldblock -- -DMADE_NONBLOCKING

// A message channel's wrappers that set errno to EAGAIN themselves
// (reduced from openntpd's imsg code: the receive gives up with EAGAIN
// when the process is short of descriptors, the flush turns ENOBUFS into
// EAGAIN). Their callers test EAGAIN alone, and on a descriptor whose mode
// is not known that test is about the wrapper's own code, which never
// says EWOULDBLOCK: quiet. Still reported: the same tests once the file
// makes the channel's descriptor non-blocking (MADE_NONBLOCKING: a
// would-block may come as EWOULDBLOCK there), a test of EWOULDBLOCK alone,
// a wrapper that does not set errno itself or sets EWOULDBLOCK, and a
// classifier's test (judged once, for every caller).

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

struct chan {
  int fd;
  int spare_fds;
};

static int chan_recv(struct chan *c, void *buf, size_t len) {
  if (c->spare_fds < 4) {
    errno = EAGAIN;
    return -1;
  }
  return (int)recv(c->fd, buf, len, 0);
}

static int chan_flush(struct chan *c, const void *buf, size_t len) {
  int n = (int)send(c->fd, buf, len, 0);
  if (n == -1 && errno == ENOBUFS)
    errno = EAGAIN;
  return n;
}

static int chan_plain_recv(struct chan *c, void *buf, size_t len) {
  return (int)recv(c->fd, buf, len, 0);
}

// Sets EWOULDBLOCK of its own: an EAGAIN-only test misses that code.
static int chan_flush_wb(struct chan *c, const void *buf, size_t len) {
  int n = (int)send(c->fd, buf, len, 0);
  if (n == -1 && errno == ENOBUFS)
    errno = EWOULDBLOCK;
  return n;
}

// A classifier's test is judged once for all its callers.
static int again(int e) {
  return e == EAGAIN;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: errno from 'chan_recv' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK
  // NB-MESSAGES: :[[@LINE-2]]:10: warning: errno from 'chan_recv' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK
}

int fatal(const char *why);

int dispatch(struct chan *c, char *buf, size_t len) {
  int n;
  if ((n = chan_recv(c, buf, len)) == -1 && errno != EAGAIN)
    // NB-MESSAGES: :[[@LINE-1]]:45: warning: errno from 'chan_recv' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK
    return fatal("read");
  if (chan_flush(c, buf, len) == -1) {
    switch (errno) {
    case EAGAIN:
      // NB-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'chan_flush' on 'c->fd' is handled for EAGAIN but not for EWOULDBLOCK
      break;
    default:
      return fatal("write");
    }
  }
  return n;
}

int dispatch_classified(struct chan *c, char *buf, size_t len) {
  if (chan_recv(c, buf, len) == -1 && !again(errno))
    return fatal("read");
  return 0;
}

int dispatch_wb(struct chan *c, char *buf, size_t len) {
  int n = chan_flush_wb(c, buf, len);
  if (n == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'chan_flush_wb' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK
    // NB-MESSAGES: :[[@LINE-2]]:18: warning: errno from 'chan_flush_wb' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK
    return fatal("write");
  return n;
}

int dispatch_would(struct chan *c, char *buf, size_t len) {
  int n = chan_recv(c, buf, len);
  if (n == -1 && errno != EWOULDBLOCK)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'chan_recv' on 'c->fd' is compared with EWOULDBLOCK but not with EAGAIN
    // NB-MESSAGES: :[[@LINE-2]]:18: warning: errno from 'chan_recv' on 'c->fd' is compared with EWOULDBLOCK but not with EAGAIN
    return fatal("read");
  return n;
}

int dispatch_plain(struct chan *c, char *buf, size_t len) {
  int n;
  if ((n = chan_plain_recv(c, buf, len)) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: errno from 'chan_plain_recv' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK
    // NB-MESSAGES: :[[@LINE-2]]:51: warning: errno from 'chan_plain_recv' on 'c->fd' is compared with EAGAIN but not with EWOULDBLOCK
    return fatal("read");
  // CHECK-FIXES: if ((n = chan_plain_recv(c, buf, len)) == -1 && (errno != EAGAIN &&
  // CHECK-FIXES-NEXT: (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK)))
  // NB-FIXES: if ((n = chan_plain_recv(c, buf, len)) == -1 && (errno != EAGAIN &&
  // NB-FIXES-NEXT: (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK)))
  return n;
}

#ifdef MADE_NONBLOCKING
int control_accept(int listener, struct chan *c) {
  c->spare_fds = 8;
  c->fd = accept(listener, NULL, NULL);
  if (c->fd == -1)
    return -1;
  return fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
}
#endif
