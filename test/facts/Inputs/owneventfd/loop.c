// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A loop's wake-up channel, an eventfd or a pipe where there is none,
// with eventfd() declared by the program itself instead of through
// <sys/eventfd.h> (the shape of libev's ev.c).
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef EFD_NONBLOCK
#define EFD_NONBLOCK O_NONBLOCK
#endif
int eventfd(unsigned int initval, int flags);

struct loop {
  int evpipe[2];
};

void evpipe_init(struct loop *l) {
  int fds[2];
  fds[0] = -1;
  fds[1] = eventfd(0, EFD_NONBLOCK);
  if (fds[1] < 0) {
    if (pipe(fds))
      abort();
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
  }
  l->evpipe[0] = fds[0];
  l->evpipe[1] = fds[1];
}

void evpipe_write(struct loop *l) {
  if (l->evpipe[0] < 0) {
    uint64_t counter = 1;
    write(l->evpipe[1], &counter, sizeof(uint64_t));
  } else {
    write(l->evpipe[1], &l->evpipe[1], 1);
  }
}
