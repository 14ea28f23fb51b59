// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A retry after a short write that passes the same buffer and length again
// sends the bytes already written a second time (redis-benchmark shipped
// this: redis PR 10236 made it go on from where the short write stopped).

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

struct client {
  int fd;
  const char *obuf;
  size_t olen;
  size_t written;
};

void client_init(struct client *c, int fd) {
  c->fd = fd;
  fcntl(c->fd, F_SETFL, O_NONBLOCK);
}

void client_flush(struct client *c) {
  ssize_t n;
  do {
    n = write(c->fd, c->obuf, c->olen);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on non-blocking fd 'c->fd' retries a short write from the start of the buffer: the bytes already written go out again [nbio-partial-write]
  } while (n != (ssize_t)c->olen);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: note: a short count goes back to the call here with the same buffer and length
}

int client_ping(struct client *c, const char *msg, size_t len) {
  for (;;) {
    ssize_t n = send(c->fd, msg, len, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'send' on non-blocking fd 'c->fd' retries a short write from the start of the buffer
    if (n == (ssize_t)len)
      return 0;
    if (n < 0 && errno != EAGAIN)
      return -1;
  }
}

// Twins that must stay quiet: the retry moves on past what was written.
void client_flush_from(struct client *c) {
  while (c->written < c->olen) {
    ssize_t n = write(c->fd, c->obuf + c->written, c->olen - c->written);
    if (n <= 0)
      break;
    c->written += (size_t)n;
  }
}

// A loop that sends the next message each time round, and checks every
// count: the count of the previous message is used before moving on.
int client_send_all(struct client *c, const char *const *msgs,
                    const size_t *lens, int count) {
  int i = 0;
  while (i < count) {
    ssize_t n = write(c->fd, msgs[i], lens[i]);
    if (n < 0)
      return -1;
    if ((size_t)n < lens[i]) {
      c->obuf = msgs[i] + n;
      c->olen = lens[i] - (size_t)n;
      return i;
    }
    i++;
  }
  return count;
}
