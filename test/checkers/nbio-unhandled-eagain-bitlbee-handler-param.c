// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Reduced from bitlbee 3.6 (dcc.c, the DCC receiver): the transfer socket is
// made non-blocking where it is opened, then handed to the event loop with a
// handler; the loop calls the handler back with that same descriptor as its
// `fd` parameter. The handler is registered for writing and, later, for
// reading, and from its read branch it sends a 4-byte acknowledgement: the
// send buffer may be full, and EAGAIN then aborts the whole transfer. The
// parameter is known non-blocking because every registration of the handler
// passes a non-blocking descriptor, and the one parameter of the
// descriptor's type (a typedef of int here) receives it; the teardown call
// takes the object the registration passes with the descriptor.
// Twins that must stay quiet: the read in the read branch and the writes in
// the write branch and in the branch that is not the read one (each runs
// when the socket is ready for it); a handler
// with two `int` parameters (redis's ae: which one gets the descriptor is not
// known); a handler also registered with a descriptor not known to be
// non-blocking; a handler also called directly with -1.

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

// The event loop's interface, as a project declares it.
typedef int ev_int;
typedef enum { LOOP_READ = 1, LOOP_WRITE = 2 } loop_cond;
#define B_EV_IO_READ LOOP_READ
#define B_EV_IO_WRITE LOOP_WRITE
typedef int (*loop_handler)(void *data, ev_int fd, loop_cond cond);
int b_input_add(int fd, loop_cond cond, loop_handler fn, void *data);

#define AE_READABLE 1
struct ae_loop;
typedef void ae_proc(struct ae_loop *el, int fd, void *data, int mask);
int aeCreateFileEvent(struct ae_loop *el, int fd, int mask, ae_proc *proc,
                      void *data);

struct rx {
  int sock;
  unsigned long got;
  char buf[1024];
};

// Ends the transfer: closes the socket (it takes the transfer, not the fd).
static int rx_abort(struct rx *r, const char *why) {
  (void)why;
  close(r->sock);
  r->sock = -1;
  return 0;
}

#define SOCK_OR_ABORT(op, why)                                                 \
  if ((op) == -1)                                                              \
    return rx_abort(r, why);

// --- Reported -------------------------------------------------------------

static int rx_ready(void *data, ev_int fd, loop_cond cond) {
  struct rx *r = (struct rx *)data;
  if (cond & B_EV_IO_WRITE) {
    // Quiet: this branch runs when the socket is writable.
    SOCK_OR_ABORT(send(fd, "go", 2, 0), "greeting");
    return 0;
  }
  if (!(cond & B_EV_IO_READ)) {
    // Quiet: not the read branch; the handler is registered for writing.
    SOCK_OR_ABORT(send(fd, "hi", 2, 0), "greeting again");
    return 0;
  }
  if (cond & B_EV_IO_READ) {
    ssize_t n;
    // Quiet: this branch runs when the socket is readable.
    SOCK_OR_ABORT(n = recv(fd, r->buf, sizeof r->buf, 0), "receiving");
    r->got += (unsigned long)n;
    unsigned ack = (unsigned)r->got;
    // Reported: readable says nothing about room in the send buffer.
    SOCK_OR_ABORT(send(fd, &ack, 4, 0), "acknowledging");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EAGAIN, 'rx_abort' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE+8]]:3: note: 'r->sock' was made non-blocking here
  }
  return 1;
}

int rx_start(struct rx *r, const struct sockaddr *to, socklen_t len) {
  int fd;
  SOCK_OR_ABORT(fd = r->sock = socket(AF_INET, SOCK_STREAM, 0), "socket");
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (connect(fd, to, len) == -1 && errno != EINPROGRESS)
    return rx_abort(r, "connecting");
  b_input_add(r->sock, B_EV_IO_WRITE, rx_ready, r);
  return 1;
}

int rx_resume(struct rx *r) {
  return b_input_add(r->sock, B_EV_IO_READ, rx_ready, r);
}

// --- Quiet ----------------------------------------------------------------

// Two int parameters: which one receives the descriptor is not known.
static void ae_ready(struct ae_loop *el, int fd, void *data, int mask) {
  struct rx *r = (struct rx *)data;
  if (send(fd, r->buf, 4, 0) == -1)
    close(fd);
}

// Registered once with a descriptor nobody made non-blocking.
static int plain_ready(void *data, ev_int fd, loop_cond cond) {
  struct rx *r = (struct rx *)data;
  if (send(fd, r->buf, 4, 0) == -1)
    return rx_abort(r, "sending");
  return 1;
}

// Registered with a non-blocking descriptor, but also called directly with
// -1 to start (bitlbee's SOCKS5 handshake, s5bytestream.c): the parameter
// is not always the registered socket.
static int hs_step(void *data, ev_int fd, loop_cond cond) {
  struct rx *r = (struct rx *)data;
  if (fd == -1) {
    fd = r->sock;
    return b_input_add(fd, B_EV_IO_READ, hs_step, r);
  }
  if (send(fd, r->buf, 4, 0) == -1) {
    close(fd);
    return 0;
  }
  return 1;
}

int hs_start(struct rx *r) { return hs_step(r, -1, LOOP_READ); }

int others_start(struct ae_loop *el, struct rx *r, int blocking_fd) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  aeCreateFileEvent(el, fd, AE_READABLE, ae_ready, r);
  b_input_add(fd, B_EV_IO_READ, plain_ready, r);
  return b_input_add(blocking_fd, B_EV_IO_READ, plain_ready, r);
}
