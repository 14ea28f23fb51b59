// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Progress that is easy to miss: neither loop comes back to the same call
// on the same data, so no warning is expected.
//  - the retry path changes a struct member that the loop condition reads;
//  - the counter the condition reads is bumped inside the I/O call's own
//    arguments.
// (Both were once reported as spins.)

#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

struct frame {
  struct frame *next;
  const char *data;
  size_t len;
};

struct lossy_link {
  int fd;
  struct frame *head;
  unsigned long dropped;
};

// A metrics exporter that drops a frame rather than wait for the socket.
int lossy_flush(struct lossy_link *l) {
  while (l->head != NULL) {
    struct frame *f = l->head;
    ssize_t n = send(l->fd, f->data, f->len, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == EAGAIN) {
      l->head = f->next;
      l->dropped++;
      continue;
    }
    if (n < 0)
      return -1;
    l->head = f->next;
  }
  return 0;
}

// One pass over a set of descriptors, skipping those with nothing to read.
ssize_t read_first_ready(const int *fds, int nfds, char *buf, size_t cap) {
  int i = 0;
  while (i < nfds) {
    ssize_t n = recv(fds[i++], buf, cap, MSG_DONTWAIT);
    if (n < 0 && errno == EAGAIN)
      continue;
    return n;
  }
  return -1;
}
