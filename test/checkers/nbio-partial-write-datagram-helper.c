// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// The socket's type is an argument of the helpers that make it (reduced
// from chrony's socket layer: open_udp() and open_tcp() both call
// open_ip(type), which calls open_sock(type), which calls socket()): the
// type is read in the context of the calls that led to socket(), so the
// descriptor open_udp() returns is a datagram socket, sent whole or not at
// all, and open_tcp()'s is a stream socket. Also: a value that cannot
// reach the write (assigned on a branch that returns) does not count.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

static int open_sock(int domain, int type) {
  int s = socket(domain, type | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -1;
  fcntl(s, F_SETFL, O_NONBLOCK);
  return s;
}

static int open_ip(int type) { return open_sock(AF_INET, type); }

int open_udp(void) { return open_ip(SOCK_DGRAM); }
int open_tcp(void) { return open_ip(SOCK_STREAM); }

int send_request(const char *req, size_t len) {
  int fd = open_udp();
  if (send(fd, req, len, 0) < 0)
    return -1;
  return 0;
}

// Twin: the stream socket from the same helpers.
int send_stream_request(const char *req, size_t len) {
  int fd = open_tcp();
  if (send(fd, req, len, 0) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the count is only tested for a failure here; a short count passes
    return -1;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: after a short write the function returns here as if every byte was written
}
// CHECK-MESSAGES: :22:3: note: 's' was made non-blocking here

// The stream socket is made and used on a branch that returns: only the
// datagram socket reaches the last send.
int send_either(int stream, const char *req, size_t len) {
  int fd;
  if (stream) {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    close(fd);
    return -1;
  }
  fd = socket(AF_INET, SOCK_DGRAM, 0);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (send(fd, req, len, 0) < 0)
    return -1;
  return 0;
}

// Twin: without the return, the stream socket reaches the send too.
int send_either_twin(int stream, const char *req, size_t len) {
  int fd;
  if (stream)
    fd = socket(AF_INET, SOCK_STREAM, 0);
  else
    fd = socket(AF_INET, SOCK_DGRAM, 0);
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (send(fd, req, len, 0) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the count is only tested for a failure here; a short count passes
    return -1;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: after a short write the function returns here as if every byte was written
  // CHECK-MESSAGES: :73:3: note: 'fd' was made non-blocking here
}
