// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock -- -std=c11 -I%S/Inputs
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17 -I%S/Inputs

// A read handler that the file registers with an event loop, and that
// nothing else can call, is given the descriptor each registration names.
// When every registration names a pipe's read end (a CGI runner reading
// its script's stdout and stderr, as OpenBSD's slowcgi does) the handler's
// descriptor is never a socket, and EAGAIN alone is the portable test;
// so too for an eventfd given to wayland's loop.
// Twins that must still be reported: a handler also registered with a
// socket, one kept in a table besides (whoever reads the table may call it
// with anything; also a table in an included file), one other files can
// call, one the file also calls with a socket, one handed to a function
// of the file that takes a callback and a flag (no event loop: it calls
// the callback with a socket), one handed to the loop as another
// handler's data; and wayland's loop given a socket.

#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#define EV_READ 0x02
#define EV_PERSIST 0x10

struct event {
  int opaque;
};
void event_set(struct event *, int, short, void (*)(int, short, void *),
               void *);
int event_add(struct event *, const void *);

struct script {
  struct event out_ev, err_ev, peer_ev;
  char buf[4096];
  long used;
};

static void set_nbio(int fd) {
  int on = 1;
  ioctl(fd, FIONBIO, &on);
}

// Called only from the two read handlers, with their descriptor.
static int drain(int fd, struct script *s) {
  long n = read(fd, s->buf, sizeof s->buf);
  if (n == -1) {
    if (errno == EAGAIN || errno == EINTR)
      return 0;
    return -1;
  }
  s->used = n;
  return 1;
}

static void on_stdout(int fd, short ev, void *arg) {
  (void)ev;
  drain(fd, (struct script *)arg);
}

static void on_stderr(int fd, short ev, void *arg) {
  (void)ev;
  drain(fd, (struct script *)arg);
}

int script_start(struct script *s) {
  int out[2], err[2];
  if (pipe(out) == -1)
    return -1;
  if (pipe(err) == -1)
    return -1;
  set_nbio(out[0]);
  set_nbio(err[0]);
  event_set(&s->out_ev, out[0], EV_READ | EV_PERSIST, on_stdout, s);
  event_set(&s->err_ev, err[0], EV_READ | EV_PERSIST, on_stderr, s);
  event_add(&s->out_ev, 0);
  event_add(&s->err_ev, 0);
  return 0;
}

// The same handler shape, registered once with a pipe and once with a
// socket: a socket may say EWOULDBLOCK.
static void on_either(int fd, short ev, void *arg) {
  struct script *s = (struct script *)arg;
  (void)ev;
  if (read(fd, s->buf, sizeof s->buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, s->buf, sizeof s->buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                                (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    s->used = 0;
}

int either_start(struct script *s) {
  int out[2], sv[2];
  if (pipe(out) == -1 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return -1;
  set_nbio(out[0]);
  set_nbio(sv[0]);
  event_set(&s->out_ev, out[0], EV_READ | EV_PERSIST, on_either, s);
  event_set(&s->peer_ev, sv[0], EV_READ | EV_PERSIST, on_either, s);
  return 0;
}

// Registered only with a pipe, but also kept in a table that some other
// code reads and calls through.
static void on_tabled(int fd, short ev, void *arg) {
  struct script *s = (struct script *)arg;
  (void)ev;
  if (read(fd, s->buf, sizeof s->buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, s->buf, sizeof s->buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                                (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    s->used = 0;
}

void (*read_handlers[])(int, short, void *) = {on_tabled};

int tabled_start(struct script *s) {
  int out[2];
  if (pipe(out) == -1)
    return -1;
  set_nbio(out[0]);
  event_set(&s->out_ev, out[0], EV_READ | EV_PERSIST, on_tabled, s);
  return 0;
}

// Registered only with a pipe here, but other files may call it too.
void on_public(int fd, short ev, void *arg) {
  struct script *s = (struct script *)arg;
  (void)ev;
  if (read(fd, s->buf, sizeof s->buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, s->buf, sizeof s->buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                                (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    s->used = 0;
}

int public_start(struct script *s) {
  int out[2];
  if (pipe(out) == -1)
    return -1;
  set_nbio(out[0]);
  event_set(&s->out_ev, out[0], EV_READ | EV_PERSIST, on_public, s);
  return 0;
}

// Registered only with a pipe, and also called directly with a socket.
static void on_direct(int fd, short ev, void *arg) {
  struct script *s = (struct script *)arg;
  (void)ev;
  if (read(fd, s->buf, sizeof s->buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, s->buf, sizeof s->buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                                (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    s->used = 0;
}

int direct_start(struct script *s) {
  int out[2];
  if (pipe(out) == -1)
    return -1;
  set_nbio(out[0]);
  event_set(&s->out_ev, out[0], EV_READ | EV_PERSIST, on_direct, s);
  int peer = socket(AF_INET, SOCK_STREAM, 0);
  set_nbio(peer);
  on_direct(peer, EV_READ, s);
  return 0;
}

// Wayland's loop: the display's terminate descriptor, an eventfd, handed
// to wl_event_loop_add_fd() for reading.
#define WL_EVENT_READABLE 0x01
struct wl_event_loop;
struct wl_event_source;
typedef int (*wl_event_loop_fd_func_t)(int fd, unsigned int mask,
                                       void *data);
struct wl_event_source *wl_event_loop_add_fd(struct wl_event_loop *loop,
                                             int fd, unsigned int mask,
                                             wl_event_loop_fd_func_t func,
                                             void *data);
int eventfd(unsigned int initval, int flags);
#define EFD_NONBLOCK 04000

struct display {
  struct wl_event_loop *loop;
  int terminate_efd;
};

static int on_terminate(int fd, unsigned int mask, void *data) {
  unsigned long long count;
  (void)mask;
  (void)data;
  if (read(fd, &count, sizeof count) < 0 && errno != EAGAIN)
    return -1;
  return 0;
}

int display_init(struct display *d) {
  d->terminate_efd = eventfd(0, EFD_NONBLOCK);
  if (d->terminate_efd < 0)
    return -1;
  if (!wl_event_loop_add_fd(d->loop, d->terminate_efd, WL_EVENT_READABLE,
                            on_terminate, 0))
    return -1;
  return 0;
}

// The same loop given a non-blocking socket: the handler reads a socket.
static int on_client(int fd, unsigned int mask, void *data) {
  char buf[64];
  (void)mask;
  (void)data;
  if (read(fd, buf, sizeof buf) < 0 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, buf, sizeof buf) < 0 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                        (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return -1;
  return 0;
}

int client_init(struct display *d) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0)
    return -1;
  if (!wl_event_loop_add_fd(d->loop, fd, WL_EVENT_READABLE, on_client, 0))
    return -1;
  return 0;
}

// A function of the file that takes a callback and a flag is no event
// loop: its body is here, and it calls the callback with a socket.
static void run_now(int fd, short what, void (*cb)(int, short, void *),
                    void *arg) {
  int peer = socket(AF_INET, SOCK_STREAM, 0);
  (void)fd;
  set_nbio(peer);
  cb(peer, what, arg);
}

static void on_run(int fd, short ev, void *arg) {
  struct script *s = (struct script *)arg;
  (void)ev;
  if (read(fd, s->buf, sizeof s->buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, s->buf, sizeof s->buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                                (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    s->used = 0;
}

int run_start(struct script *s) {
  int out[2];
  if (pipe(out) == -1)
    return -1;
  set_nbio(out[0]);
  run_now(out[0], EV_READ, on_run, s);
  return 0;
}

// Handed to the loop as another handler's data, which calls it with a
// socket.
typedef void (*handler_fn)(int, short, void *);

static void on_data(int fd, short ev, void *arg) {
  char buf[64];
  (void)ev;
  (void)arg;
  if (read(fd, buf, sizeof buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, buf, sizeof buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                          (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return;
}

static void kick(int fd, short ev, void *arg) {
  int peer = socket(AF_INET, SOCK_STREAM, 0);
  (void)fd;
  set_nbio(peer);
  ((handler_fn)arg)(peer, ev, 0);
}

int kick_start(struct script *s) {
  int q[2];
  if (pipe(q) == -1)
    return -1;
  set_nbio(q[0]);
  event_set(&s->peer_ev, q[0], EV_READ, kick, (void *)on_data);
  return 0;
}

// Registered only with a pipe, but kept in a table an included file
// holds, which other code calls through.
static void on_included(int fd, short ev, void *arg) {
  char buf[64];
  (void)ev;
  (void)arg;
  if (read(fd, buf, sizeof buf) == -1 && errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: errno from 'read' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (read(fd, buf, sizeof buf) == -1 && (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                          (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    return;
}

#include "handler-table.inc"

int included_start(struct script *s) {
  int out[2];
  if (pipe(out) == -1)
    return -1;
  set_nbio(out[0]);
  event_set(&s->out_ev, out[0], EV_READ, on_included, s);
  return 0;
}
