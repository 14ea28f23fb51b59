// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A write on a non-blocking socket writes what fits and returns that count.
// Code that only asks "did it fail?" and then carries on (frees the buffer,
// marks the reply sent, returns success) loses the rest of the buffer.

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct reply {
  int sock;
  char *body;
  size_t len;
  int done;
};

void reply_open(struct reply *r, int sock) {
  fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK);
  r->sock = sock;
}

int reply_send(struct reply *r) {
  ssize_t n = write(r->sock, r->body, r->len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'write' on non-blocking fd 'r->sock' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
  if (n == -1)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the count is only tested for a failure here; a short count passes
    return -1;
  free(r->body);
  r->done = 1;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: after a short write the function returns here as if every byte was written
  // CHECK-MESSAGES: :24:3: note: 'sock' was made non-blocking here
}

// The count is stored but nothing reads it: the same loss.
void reply_send_unread(struct reply *r) {
  ssize_t n;
  n = send(r->sock, r->body, r->len, MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'r->sock' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
  r->done = 1;
}

// The failure test written on the call itself.
int reply_send_direct(struct reply *r) {
  if (send(r->sock, r->body, r->len, 0) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' on non-blocking fd 'r->sock' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    return -1;
  r->done = 1;
  return 0;
}

// A count printed in a log line accounts for nothing.
#include <stdio.h>
int reply_send_logged(struct reply *r) {
  ssize_t n = write(r->sock, r->body, r->len);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'write' on non-blocking fd 'r->sock' can write fewer bytes than asked
  if (n <= 0)
    return -1;
  fprintf(stderr, "sent %zd bytes\n", n);
  return 0;
}

// Look-alikes that must stay quiet.

// The loop moves past what was written.
int reply_send_all(struct reply *r) {
  size_t off = 0;
  while (off < r->len) {
    ssize_t n = write(r->sock, r->body + off, r->len - off);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        return 1; // come back when writable
      return -1;
    }
    off += (size_t)n;
  }
  return 0;
}

// The count goes back to the caller, which decides.
ssize_t reply_send_some(struct reply *r) {
  ssize_t n = write(r->sock, r->body, r->len);
  if (n < 0)
    return -1;
  return n;
}

// The rest is kept for when the socket is writable again.
void reply_send_keep(struct reply *r) {
  ssize_t n = send(r->sock, r->body, r->len, 0);
  if (n < 0)
    return;
  r->body += n;
  r->len -= (size_t)n;
}

// A last message to a client about to be closed: best effort, and the
// connection ends either way.
void reject_client(int client) {
  static const char msg[] = "ERROR too many connections\r\n";
  fcntl(client, F_SETFL, O_NONBLOCK);
  ssize_t res = write(client, msg, sizeof msg - 1);
  (void)res;
  close(client);
}

// A test that stuffs a socket until it is full: the bytes are filler and
// their count does not matter.
void fill_until_full(int s) {
  char filler[1024] = {0};
  fcntl(s, F_SETFL, O_NONBLOCK);
  for (;;) {
    ssize_t r = write(s, filler, sizeof filler);
    if (r < 0)
      break;
  }
}

// Twin of both: each message of a list, and the connection stays open.
int send_list(int s, char *const *msgs, const size_t *lens, int n) {
  fcntl(s, F_SETFL, O_NONBLOCK);
  for (int i = 0; i < n; i++) {
    ssize_t r = write(s, msgs[i], lens[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'write' on non-blocking fd 's' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    if (r < 0)
      return -1;
  }
  return 0;
}

// A blocking descriptor writes everything (unless a signal interrupts it).
int plain_send(int sock, const char *b, size_t len) {
  ssize_t n = write(sock, b, len);
  if (n < 0)
    return -1;
  return 0;
}
