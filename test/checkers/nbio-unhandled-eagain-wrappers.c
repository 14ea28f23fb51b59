// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// "Set non-blocking" wrappers: known by name from real projects, inferred
// from their bodies whatever their names, with the boolean that picks the
// mode.

#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif
// Declared only: their bodies live in other translation units.
int anetNonBlock(char *err, int fd);     // redis
int evutil_make_socket_nonblocking(int); // libevent
int uv__nonblock(int fd, int set);       // libuv
int curlx_nonblock(int sockfd, int nonblock);
int ngx_nonblocking(int s);
int ngx_blocking(int s);
int setnonblocking(int fd, const char *context); // dante
int sock_nonblock_by(int fd, int *mode);
#ifdef __cplusplus
}
#endif

void redis_style(int fd, char *b) {
  anetNonBlock(NULL, fd);
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

void libevent_style(int fd, char *b) {
  evutil_make_socket_nonblocking(fd);
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

void libuv_style(int fd, char *b) {
  uv__nonblock(fd, 1);
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

void libuv_style_blocking(int fd, char *b) {
  uv__nonblock(fd, 0); // the flag says blocking
  if (read(fd, b, 1) <= 0)
    close(fd);
}

void curl_style_unknown_flag(int fd, int mode, char *b) {
  curlx_nonblock(fd, mode); // cannot tell: say nothing
  if (read(fd, b, 1) <= 0)
    close(fd);
}

// The second argument is text, the caller's name for the log: no flag.
void dante_style(int fd, char *b) {
  setnonblocking(fd, "dante_style()");
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

// A flag passed by address may say either: say nothing.
void flag_by_address(int fd, int mode, char *b) {
  sock_nonblock_by(fd, &mode);
  if (read(fd, b, 1) <= 0)
    close(fd);
}

void nginx_style_back_to_blocking(int fd, char *b) {
  ngx_nonblocking(fd);
  ngx_blocking(fd);
  if (read(fd, b, 1) <= 0)
    close(fd);
}

// Inferred: the body makes its parameter non-blocking.
static int tune_socket(int s) {
  int on = 1;
  return ioctl(s, FIONBIO, &on);
}

void inferred(int fd, char *b) {
  tune_socket(fd);
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

// Inferred with an inverted boolean: blocking == 0 means non-blocking.
static int set_blocking_mode(int fd, int blocking) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (blocking)
    flags &= ~O_NONBLOCK;
  else
    flags |= O_NONBLOCK;
  return fcntl(fd, F_SETFL, flags);
}

void inferred_inverted(int fd, char *b) {
  set_blocking_mode(fd, 0);
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

void inferred_inverted_blocking(int fd, char *b) {
  set_blocking_mode(fd, 1);
  if (read(fd, b, 1) <= 0)
    close(fd);
}

// A wrapper of a wrapper, defined below its first use.
static int nonblock_on(int fd);

void wrapper_defined_later(int fd, char *b) {
  nonblock_on(fd);
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

static int nonblock_on(int fd) { return set_blocking_mode(fd, 0); }

// A function that only reads the flags is not a wrapper.
static int is_nonblocking(int fd) {
  return (fcntl(fd, F_GETFL, 0) & O_NONBLOCK) != 0;
}

void only_asks(int fd, char *b) {
  if (is_nonblocking(fd))
    return;
  if (read(fd, b, 1) <= 0)
    close(fd);
}
