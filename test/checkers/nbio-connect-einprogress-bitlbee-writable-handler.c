// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
// RUN: %check_nbio --lang=c++ %s nbio-connect-einprogress -- -std=c++17
// RUN: %check_nbio --prefix=CHECK-READBACK %s nbio-connect-einprogress -- -std=c11 -DREADS_SO_ERROR

// Reduced from bitlbee 3.6 (dcc.c, dccs_recv_start): the receiving side of
// a file transfer opens a socket, makes it non-blocking, lets EINPROGRESS
// through, and registers a handler of its own for the socket becoming
// writable. The handler takes writability for an established connection
// and never asks the socket with getsockopt(SO_ERROR): a refused connection
// goes unnoticed until the first read fails. Nothing in the file calls
// poll() or select(): the event loop's handler is where the wait ends.
// Twins that must stay quiet: a handler that hands the descriptor, or the
// object the registration passes with it, to a function whose body is not
// in view (which may read SO_ERROR there), also where the handler has two
// `int` parameters and either may be the descriptor; a socket registered
// only for reading; and (CHECK-READBACK) a file whose handler reads
// SO_ERROR, which expects no diagnostic at all.

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// The event loop's interface, as a project declares it.
typedef int ev_int;
typedef enum { LOOP_READ = 1, LOOP_WRITE = 2 } loop_cond;
#define B_EV_IO_READ LOOP_READ
#define B_EV_IO_WRITE LOOP_WRITE
typedef int (*loop_handler)(void *data, ev_int fd, loop_cond cond);
int b_input_add(int fd, loop_cond cond, loop_handler fn, void *data);

enum { XFER_CONNECTING = 1, XFER_RUNNING = 2 };

struct xfer {
  int sock;
  int state;
  struct sockaddr_in peer;
};

static int xfer_abort(struct xfer *x) {
  close(x->sock);
  x->sock = -1;
  return 0;
}

// --- Reported -------------------------------------------------------------

static int xfer_ready(void *data, ev_int fd, loop_cond cond) {
  struct xfer *x = (struct xfer *)data;
  if ((cond & B_EV_IO_WRITE) && x->state == XFER_CONNECTING) {
#ifdef READS_SO_ERROR
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err != 0)
      return xfer_abort(x);
#endif
    x->state = XFER_RUNNING;
    return 0;
  }
  return 1;
}

int xfer_start(struct xfer *x) {
  int fd;
  if ((fd = x->sock = socket(AF_INET, SOCK_STREAM, 0)) == -1)
    return 0;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (connect(fd, (struct sockaddr *)&x->peer, sizeof x->peer) == -1 &&
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
      errno != EINPROGRESS)
    return xfer_abort(x);
  x->state = XFER_CONNECTING;
  b_input_add(x->sock, B_EV_IO_WRITE, xfer_ready, x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the writable handler 'xfer_ready' registered here for 'x->sock' does not read it either
  // CHECK-MESSAGES: :[[@LINE-7]]:7: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
  return 1;
}

// The socket is stored after the connect, and registered from its field.
struct link {
  int fd;
  struct sockaddr_in peer;
  int up;
};

static int link_writable(void *data, ev_int fd, loop_cond cond) {
  struct link *l = (struct link *)data;
  l->up = 1;
  return 0;
}

int link_open(struct link *l) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (connect(fd, (struct sockaddr *)&l->peer, sizeof l->peer) < 0 &&
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
      errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  l->fd = fd;
  return b_input_add(l->fd, B_EV_IO_WRITE, link_writable, l);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the writable handler 'link_writable' registered here for 'l->fd' does not read it either
  // CHECK-MESSAGES: :[[@LINE-9]]:7: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
}

// --- Quiet ----------------------------------------------------------------

// The handler hands the descriptor to another file's function.
int peer_established(int fd);

struct peer {
  int fd;
  struct sockaddr_in addr;
};

static int peer_writable(void *data, ev_int fd, loop_cond cond) {
  return peer_established(fd);
}

int peer_open(struct peer *p) {
  p->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(p->fd, (struct sockaddr *)&p->addr, sizeof p->addr) < 0 &&
      errno != EINPROGRESS)
    return -1;
  return b_input_add(p->fd, B_EV_IO_WRITE, peer_writable, p);
}

// Two int parameters (redis's ae): whichever is the descriptor, the handler
// hands both to another file's function.
#define AE_WRITABLE 2
struct ae_loop;
typedef void ae_proc(struct ae_loop *el, int fd, void *data, int mask);
int aeCreateFileEvent(struct ae_loop *el, int fd, int mask, ae_proc *proc,
                      void *data);
void replica_connected(int fd, int mask);

struct replica {
  int fd;
  struct sockaddr_in addr;
};

static void replica_writable(struct ae_loop *el, int fd, void *data,
                             int mask) {
  replica_connected(fd, mask);
}

int replica_open(struct ae_loop *el, struct replica *r) {
  r->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(r->fd, (struct sockaddr *)&r->addr, sizeof r->addr) < 0 &&
      errno != EINPROGRESS)
    return -1;
  return aeCreateFileEvent(el, r->fd, AE_WRITABLE, replica_writable, r);
}

// The handler hands the object that holds the descriptor, through a local
// copy, to another file's function.
struct proxy {
  int fd;
  struct sockaddr_in addr;
};

int proxy_connected(struct proxy *p);

static int proxy_writable(void *data, ev_int fd, loop_cond cond) {
  struct proxy *p = (struct proxy *)data;
  return proxy_connected(p);
}

int proxy_open(struct proxy *p) {
  p->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(p->fd, (struct sockaddr *)&p->addr, sizeof p->addr) < 0 &&
      errno != EINPROGRESS)
    return -1;
  return b_input_add(p->fd, B_EV_IO_WRITE, proxy_writable, p);
}

// Registered for reading only: nothing in the file waits for the connect.
struct feed {
  int fd;
  struct sockaddr_in addr;
};

static int feed_readable(void *data, ev_int fd, loop_cond cond) {
  return 1;
}

int feed_open(struct feed *f) {
  f->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (connect(f->fd, (struct sockaddr *)&f->addr, sizeof f->addr) < 0 &&
      errno != EINPROGRESS)
    return -1;
  return b_input_add(f->fd, B_EV_IO_READ, feed_readable, f);
}
