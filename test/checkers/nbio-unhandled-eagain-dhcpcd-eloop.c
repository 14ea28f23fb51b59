// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Event loops whose registration calls name no readable or writable flag:
// the function says the direction. Reduced from dhcpcd's control socket:
// each accepted connection is made non-blocking and its reader registered
// with eloop_event_add(eloop, fd, cb, arg), its queue's writer with
// eloop_event_add_w(); the reader closes on -1 and the writer drops the
// client on -1, each called only once the loop has seen the socket ready
// for it. Also hostapd's eloop_register_read_sock(sock, cb, data, user).
// Twins that are reported: a handler registered for reading that writes
// (each loop: the registration is what tells the handler's descriptor
// non-blocking), and the same reader called directly, outside the loop.

#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

struct eloop;
int eloop_event_add(struct eloop *, int, void (*)(void *), void *);
int eloop_event_add_w(struct eloop *, int, void (*)(void *), void *);
int eloop_register_read_sock(int sock, void (*)(int, void *, void *),
                             void *eloop_data, void *user_data);

struct client {
  int fd;
  char buf[1024];
  struct iovec out[1];
};

static void client_drop(struct client *c) {
  close(c->fd);
  free(c);
}

static void client_read(void *arg) {
  struct client *c = (struct client *)arg;
  if (read(c->fd, c->buf, sizeof c->buf) == -1)
    client_drop(c);
}

static void client_write(void *arg) {
  struct client *c = (struct client *)arg;
  if (writev(c->fd, c->out, 1) == -1)
    client_drop(c);
}

// Twin: registered for reading, but it writes.
static void client_greet(void *arg) {
  struct client *c = (struct client *)arg;
  if (write(c->fd, "hello\n", 6) == -1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    client_drop(c);
}

static void ctrl_receive(int sock, void *eloop_ctx, void *sock_ctx) {
  (void)eloop_ctx;
  (void)sock_ctx;
  char buf[256];
  if (recv(sock, buf, sizeof buf, 0) == -1)
    close(sock);
}

void client_accept(struct eloop *loop, int lfd) {
  int fd = accept(lfd, NULL, NULL);
  if (fd == -1)
    return;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  struct client *c = (struct client *)calloc(1, sizeof *c);
  if (!c) {
    close(fd);
    return;
  }
  c->fd = fd;
  eloop_event_add(loop, c->fd, client_read, c);
  eloop_event_add_w(loop, c->fd, client_write, c);
  eloop_event_add(loop, c->fd, client_greet, c);
}

// Twin: registered for reading, but it sends; the loop hands it the
// non-blocking socket it was registered with.
static void ctrl_answer(int sock, void *eloop_ctx, void *sock_ctx) {
  (void)eloop_ctx;
  (void)sock_ctx;
  if (send(sock, "PONG\n", 5, 0) == -1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(sock);
}

void ctrl_open(void) {
  int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (s == -1)
    return;
  eloop_register_read_sock(s, ctrl_receive, NULL, NULL);
  eloop_register_read_sock(s, ctrl_answer, NULL, NULL);
}

// Twin: the reader called directly, not by the loop.
void client_poll_now(struct client *c) {
  if (read(c->fd, c->buf, sizeof c->buf) == -1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'c->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    client_drop(c);
}
