// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// A socket helper that hands its caller's type to socket() and returns
// what it made: what comes back is non-blocking where the caller's type
// asks for it (dhcpcd's xsocket(domain, type, protocol), called with
// SOCK_CLOEXEC | SOCK_NONBLOCK for its control socket). A reply whose
// EAGAIN closes the connection is then the bug it is with socket() itself.
// Look-alikes stay quiet: a type without SOCK_NONBLOCK, a helper that
// takes the flag away, one that hands the socket to a call of its own
// before returning it, one whose type is a choice. And socket() itself
// given the flag only to take it away (`& ~SOCK_NONBLOCK`), with a twin
// that masks another flag out and stays non-blocking.

#define _GNU_SOURCE 1
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#define SOCK_CXNB (SOCK_CLOEXEC | SOCK_NONBLOCK)

static int make_socket(int domain, int type, int protocol) {
  int s = socket(domain, type, protocol);
  if (s == -1)
    return -1;
  return s;
}

// The type through a local built from the parameter.
static int make_socket_cloexec(int domain, int type) {
  int t = type | SOCK_CLOEXEC;
  return socket(domain, t, 0);
}

int send_hello(void) {
  int fd = make_socket(AF_UNIX, SOCK_STREAM | SOCK_CXNB, 0);
  if (fd == -1)
    return -1;
  if (send(fd, "hello\n", 6, 0) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: 'make_socket' makes a non-blocking descriptor here: it hands this argument, which names SOCK_NONBLOCK, to 'socket' (
    close(fd);
    return -1;
  }
  return fd;
}

int send_hello_cloexec(void) {
  int fd = make_socket_cloexec(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK);
  if (fd == -1)
    return -1;
  if (write(fd, "hello\n", 6) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
    return -1;
  }
  return fd;
}

// Look-alike: the caller's type asks for a blocking socket.
int send_hello_blocking(void) {
  int fd = make_socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd == -1)
    return -1;
  if (send(fd, "hello\n", 6, 0) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}

// Look-alike: the helper makes the socket blocking before returning it,
// whatever the caller asked for.
static int make_blocking_socket(int domain, int type) {
  int s = socket(domain, type, 0);
  if (s == -1)
    return -1;
  fcntl(s, F_SETFL, fcntl(s, F_GETFL) & ~O_NONBLOCK);
  return s;
}

int send_hello_made_blocking(void) {
  int fd = make_blocking_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK);
  if (send(fd, "hello\n", 6, 0) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}

// Look-alike: the helper masks the flag out of the type.
static int make_masked_socket(int domain, int type) {
  return socket(domain, type & ~SOCK_NONBLOCK, 0);
}

int send_hello_masked(void) {
  int fd = make_masked_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK);
  if (send(fd, "hello\n", 6, 0) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}

// Look-alike: the helper hands the socket to a function of its own, which
// may change its mode; what comes back is not known.
void tune_socket(int s);
static int make_tuned_socket(int domain, int type) {
  int s = socket(domain, type, 0);
  if (s != -1)
    tune_socket(s);
  return s;
}

int send_hello_tuned(void) {
  int fd = make_tuned_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK);
  if (send(fd, "hello\n", 6, 0) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}

// Look-alike: the type is a choice between the caller's and a constant one.
static int make_chosen_socket(int domain, int type, int plain) {
  return socket(domain, plain ? SOCK_STREAM : type, 0);
}

int send_hello_chosen(void) {
  int fd = make_chosen_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (send(fd, "hello\n", 6, 0) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}

// The flag named only to take it away: socket() itself makes a blocking
// descriptor (quiet); masking another flag out keeps it (reported).
int send_hello_masked_here(void) {
  int fd = socket(AF_UNIX, (SOCK_STREAM | SOCK_CLOEXEC) & ~SOCK_NONBLOCK, 0);
  if (send(fd, "hello\n", 6, 0) == -1) {
    close(fd);
    return -1;
  }
  return fd;
}

int send_hello_other_masked(void) {
  int fd = socket(AF_UNIX, (SOCK_STREAM | SOCK_CXNB) & ~SOCK_CLOEXEC, 0);
  if (send(fd, "hello\n", 6, 0) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    // CHECK-MESSAGES: :[[@LINE-3]]:12: note: 'socket' creates a non-blocking descriptor here
    close(fd);
    return -1;
  }
  return fd;
}
