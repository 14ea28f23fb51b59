// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// A terminal is never a socket, and POSIX gives EWOULDBLOCK to sockets
// alone: a non-blocking write to a terminal fails with EAGAIN, so testing
// EAGAIN alone there is right everywhere. Reduced from tmux's tty.c, which
// gets the client's terminal over its imsg channel into c->fd, refuses a
// client whose descriptor is not a terminal (tty_init: isatty, then
// tcgetattr), makes it non-blocking, and in another function retries a
// write a few times while it fails with EAGAIN. isatty() and tcgetattr()
// fail with ENOTTY on anything else. Twins that are reported: a field only
// branched on (`if (isatty(fd)) ...`), a field the file also fills with a
// socket or with what a function returns, a parameter tested on one path
// only, a test whose failing side goes on, and a goto that may skip past
// the code it guards.

#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

struct client {
  int fd;
};

struct tty {
  struct client *client;
  struct termios tio;
};

int tty_init(struct tty *tty, struct client *c) {
  if (!isatty(c->fd))
    return -1;
  tty->client = c;
  if (tcgetattr(c->fd, &tty->tio) != 0)
    return -1;
  return 0;
}

void tty_start(struct tty *tty) {
  struct client *c = tty->client;
  fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
}

void tty_raw(struct tty *tty, const char *s, size_t len) {
  struct client *c = tty->client;
  for (int i = 0; i < 5; i++) {
    ssize_t n = write(c->fd, s, len);
    if (n >= 0) {
      s += n;
      len -= (size_t)n;
      if (len == 0)
        break;
    } else if (n == -1 && errno != EAGAIN)
      break;
    usleep(100);
  }
}

// A parameter refused unless tcgetattr() takes it, on the only path.
int console_put(int fd, const char *s, size_t len) {
  struct termios t;
  if (tcgetattr(fd, &t) < 0 || !isatty(fd))
    return -1;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (write(fd, s, len) < 0 && errno == EAGAIN)
    return 1;
  return 0;
}

// Twin: a field only branched on may be anything on the other side.
struct peer {
  int fd;
};

int peer_setup(struct peer *p) {
  struct termios t;
  if (isatty(p->fd))
    tcgetattr(p->fd, &t);
  return fcntl(p->fd, F_SETFL, O_NONBLOCK);
}

int peer_put(struct peer *p, const char *s, size_t len) {
  if (write(p->fd, s, len) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'write' on 'p->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(p->fd, s, len) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 1;
  return 0;
}

// Twin: a field the file fills with a socket as well as a terminal.
struct endpoint {
  int fd;
};

int endpoint_tty(struct endpoint *e) {
  if (!isatty(e->fd))
    return -1;
  return 0;
}

int endpoint_connect(struct endpoint *e) {
  e->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  return e->fd;
}

int endpoint_put(struct endpoint *e, const char *s, size_t len) {
  if (write(e->fd, s, len) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'write' on 'e->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(e->fd, s, len) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 1;
  return 0;
}

// Twin: a field the file fills with what one of its functions returns.
int open_link(void);

struct link {
  int fd;
};

int link_setup(struct link *l) {
  l->fd = open_link();
  if (!isatty(l->fd))
    return -1;
  return fcntl(l->fd, F_SETFL, O_NONBLOCK);
}

int link_put(struct link *l, const char *s, size_t len) {
  if (write(l->fd, s, len) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: errno from 'write' on 'l->fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(l->fd, s, len) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                   (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 1;
  return 0;
}

// Twin: tested on one path only.
int console_put_maybe(int fd, int strict, const char *s, size_t len) {
  if (strict) {
    if (!isatty(fd))
      return -1;
  }
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (write(fd, s, len) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: errno from 'write' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fd, s, len) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 1;
  return 0;
}

// Twin: the failing side only logs and goes on.
int console_put_lenient(int fd, const char *s, size_t len) {
  struct termios t;
  if (tcgetattr(fd, &t) != 0)
    (void)write(2, "not a terminal\n", 15);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (write(fd, s, len) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: errno from 'write' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fd, s, len) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 1;
  return 0;
}

// Twin: a goto may jump past what the test guards.
int console_put_goto(int fd, const char *s, size_t len) {
  if (!isatty(fd))
    goto send;
  fcntl(fd, F_SETFL, O_NONBLOCK);
send:
  if (write(fd, s, len) < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: errno from 'write' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (write(fd, s, len) < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 1;
  return 0;
}
