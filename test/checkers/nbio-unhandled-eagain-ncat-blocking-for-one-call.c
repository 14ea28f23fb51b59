// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain,nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain,nbio-partial-write -- -std=c++17

// A function that makes the descriptor blocking for one send and
// non-blocking again afterwards (ncat's blocking_fdinfo_send in
// ncat/ncat_core.c: block_socket(fdn->fd), the send, unblock_socket(
// fdn->fd)) is not a thin wrapper of that send: the send waits, so it
// neither fails with EAGAIN nor stops short, whatever its callers pass,
// and their failure paths are not judged as a send's. What it leaves
// behind, a non-blocking socket, still counts for the calls after it.
// Twins, still reported: the same function without the first switch (the
// send runs on what the caller passed), one that makes the socket
// blocking on one path only, one that blocks another object's socket of
// the same type, one whose send asks not to wait (MSG_DONTWAIT, or flags
// its caller passes), a read after the call, on the socket it left
// non-blocking, and a block_socket() of another project that takes the
// mode as a second argument.

#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct fdinfo {
  int fd;
};

static void to_blocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

static void to_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static int fdinfo_send(struct fdinfo *fdn, const char *buf, size_t size) {
  return (int)send(fdn->fd, buf, size, 0);
}

static int send_blocking(struct fdinfo *fdn, const char *buf, size_t size) {
  int ret;
  to_blocking(fdn->fd);
  ret = fdinfo_send(fdn, buf, size);
  to_nonblocking(fdn->fd);
  return ret;
}

int broadcast(struct fdinfo **fds, int n, const char *msg) {
  int ret = 0;
  for (int i = 0; i < n; i++)
    if (send_blocking(fds[i], msg, strlen(msg)) <= 0) {
      close(fds[i]->fd);
      ret = -1;
    }
  return ret;
}

// Twin: only switched to non-blocking after the send, which runs on
// whatever the caller passed.
static int send_then_async(struct fdinfo *fdn, const char *buf,
                           size_t size) {
  int ret = fdinfo_send(fdn, buf, size);
  to_nonblocking(fdn->fd);
  return ret;
}

void greet(struct fdinfo *fdn) {
  to_nonblocking(fdn->fd);
  if (send_then_async(fdn, "hello\n", 6) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send_then_async' on non-blocking fd 'fdn->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fdn->fd);
}

// Twin: blocking on one path only.
static int send_maybe_blocking(struct fdinfo *fdn, const char *buf,
                               size_t size, int big) {
  int ret;
  if (big)
    to_blocking(fdn->fd);
  ret = fdinfo_send(fdn, buf, size);
  to_nonblocking(fdn->fd);
  return ret;
}

void reply(struct fdinfo *fdn, const char *text) {
  to_nonblocking(fdn->fd);
  size_t len = strlen(text);
  if (send_maybe_blocking(fdn, text, len, len > 4096) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send_maybe_blocking' on non-blocking fd 'fdn->fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'send_maybe_blocking' on non-blocking fd 'fdn->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fdn->fd);
}

// Twin: the socket send_blocking leaves behind is non-blocking.
void echo_once(struct fdinfo *fdn, char *buf, size_t size) {
  send_blocking(fdn, "ready\n", 6);
  if (read(fdn->fd, buf, size) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fdn->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fdn->fd);
}

// Twin: the socket made blocking is another object's (the same struct
// type): the send runs on whatever 'to' holds.
static int relay_one(struct fdinfo *from, struct fdinfo *to, const char *buf,
                     size_t size) {
  int ret;
  to_blocking(from->fd);
  ret = (int)send(to->fd, buf, size, 0);
  to_nonblocking(from->fd);
  return ret;
}

int pump(struct fdinfo *a, struct fdinfo *b, const char *msg) {
  to_nonblocking(b->fd);
  if (relay_one(a, b, msg, strlen(msg)) <= 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'relay_one' on non-blocking fd 'b->fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'relay_one' on non-blocking fd 'b->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(b->fd);
    return -1;
  }
  return 0;
}

// Twin: the send itself asks not to wait.
static int send_immediate(struct fdinfo *fdn, const char *buf, size_t size) {
  int ret;
  to_blocking(fdn->fd);
  ret = (int)send(fdn->fd, buf, size, MSG_DONTWAIT);
  to_nonblocking(fdn->fd);
  return ret;
}

int notify(struct fdinfo *fdn, const char *text) {
  to_nonblocking(fdn->fd);
  if (send_immediate(fdn, text, strlen(text)) <= 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send_immediate' on non-blocking fd 'fdn->fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'send_immediate' on non-blocking fd 'fdn->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fdn->fd);
    return -1;
  }
  return 0;
}

// Twin: the caller passes the flags.
static int send_flags(struct fdinfo *fdn, const char *buf, size_t size,
                      int flags) {
  int ret;
  to_blocking(fdn->fd);
  ret = (int)send(fdn->fd, buf, size, flags);
  to_nonblocking(fdn->fd);
  return ret;
}

int notify_now(struct fdinfo *fdn, const char *text) {
  to_nonblocking(fdn->fd);
  if (send_flags(fdn, text, strlen(text), MSG_DONTWAIT) <= 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send_flags' on non-blocking fd 'fdn->fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'send_flags' on non-blocking fd 'fdn->fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fdn->fd);
    return -1;
  }
  return 0;
}

// Twin: another project's block_socket(fd, block) picks the mode by its
// second argument; 0 leaves the socket non-blocking.
void block_socket(int fd, int block);

int read_async(int fd, char *buf, size_t n) {
  block_socket(fd, 0);
  to_nonblocking(fd);
  if (read(fd, buf, n) <= 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    return -1;
  }
  return 0;
}
