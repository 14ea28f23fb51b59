// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17
// RUN: %check_nbio --prefix=LOW %s nbio-partial-write \
// RUN:   --config='{CheckOptions: {nbio-partial-write.MinimumLength: 2}}'

// A write of a constant length below MinimumLength (64 by default) is taken
// to go out whole or fail: a stream socket splits so small a write only in
// a rare corner of Linux TCP. Reduced from bitlbee's DCC receiver, which
// sends a 4-byte acknowledgement and gives up when the count is not 4, and
// from a 15-byte IPC reply of its master process. Quiet by default; still
// reported: a 64-byte header, a length known only at run time, and (prefix
// LOW, the option lowered to 2) the small writes too.

#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

void give_up(int fd);

static int connect_peer(void) {
  return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
}

void acknowledge(uint32_t received) {
  int fd = connect_peer();
  uint32_t ack = htonl(received);
  if (send(fd, &ack, sizeof ack, 0) != 4)
    // LOW-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // LOW-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    give_up(fd);
  // LOW-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  // LOW-MESSAGES: :26:10: note: 'socket' creates a non-blocking descriptor here
}

void refuse_takeover(void) {
  int fd = connect_peer();
  if (write(fd, "TAKEOVER FAIL\r\n", 15) != 15)
    // LOW-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'fd' treats a short write as a failure
    // LOW-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    give_up(fd);
  // LOW-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here
  // LOW-MESSAGES: :26:10: note: 'socket' creates
}

// Twin: 64 bytes is not below the default.
struct header {
  char bytes[64];
};

void send_header(const struct header *h) {
  int fd = connect_peer();
  if (send(fd, h, sizeof *h, 0) != sizeof *h)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    // LOW-MESSAGES: :[[@LINE-3]]:7: warning: 'send' on non-blocking fd 'fd' treats a short write as a failure
    // LOW-MESSAGES: :[[@LINE-4]]:7: note: a short count is taken for a failure here
    give_up(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :26:10: note: 'socket' creates a non-blocking descriptor here
  // LOW-MESSAGES: :[[@LINE-3]]:5: note: a short write ends here
  // LOW-MESSAGES: :26:10: note: 'socket' creates
}

// Twin: a line whose length is known only at run time, however short it
// usually is.
void send_line(const char *line) {
  int fd = connect_peer();
  if (write(fd, line, strlen(line)) != (ssize_t)strlen(line))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'fd' treats a short write as a failure
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: a short count is taken for a failure here
    // LOW-MESSAGES: :[[@LINE-3]]:7: warning: 'write' on non-blocking fd 'fd' treats a short write as a failure
    // LOW-MESSAGES: :[[@LINE-4]]:7: note: a short count is taken for a failure here
    give_up(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: a short write ends here
  // CHECK-MESSAGES: :26:10: note: 'socket' creates
  // LOW-MESSAGES: :[[@LINE-3]]:5: note: a short write ends here
  // LOW-MESSAGES: :26:10: note: 'socket' creates
}
