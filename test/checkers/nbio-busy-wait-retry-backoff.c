// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// What counts as waiting before the retry. Sleeping (usleep, nanosleep,
// clock_nanosleep, sleep) is a back-off and is accepted, as are readiness
// waits, condition variables, functions of this file that call one, and
// helpers whose names say they wait. Giving the processor away with
// sched_yield()/pthread_yield() is not: the thread comes straight back to
// the same EAGAIN, and these loops still burn a core.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct tail_reader {
  int fd;
  int epfd;
  char buf[512];
  pthread_mutex_t lock;
  pthread_cond_t more;
  int pending;
};

// --- still busy waits -------------------------------------------------------

ssize_t tail_read_yield(struct tail_reader *t) {
  ssize_t n;
  while ((n = read(t->fd, t->buf, sizeof t->buf)) < 0 && errno == EAGAIN)
    sched_yield();
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'read' on fd 't->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  return n;
}
// CHECK-FIXES: struct pollfd wait_pfd = {t->fd, POLLIN, 0};
// CHECK-FIXES-NEXT: (void)poll(&wait_pfd, 1, -1);
// CHECK-FIXES-NEXT: sched_yield();

// glibc 2.34 deprecates pthread_yield(); older code still calls it.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
ssize_t tail_read_pthread_yield(struct tail_reader *t) {
  for (;;) {
    ssize_t n = read(t->fd, t->buf, sizeof t->buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'read' on fd 't->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0 && errno == EAGAIN) {
      pthread_yield();
      continue;
    }
    return n;
  }
}
// CHECK-FIXES: {{^}}      pthread_yield();{{$}}
// CHECK-FIXES-NEXT: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {t->fd, POLLIN, 0};{{$}}

// A helper that only yields is no better.
void relax_cpu(void) { sched_yield(); }

ssize_t tail_read_relax(struct tail_reader *t) {
  ssize_t n;
  do {
    n = read(t->fd, t->buf, sizeof t->buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'read' on fd 't->fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0)
      relax_cpu();
  } while (n < 0 && errno == EAGAIN);
  return n;
}
// CHECK-FIXES: {{^}}      relax_cpu();{{$}}
// CHECK-FIXES-NEXT: {{^}}    if (n < 0 && errno == EAGAIN) {{[{]}}{{$}}

// --- back-off and readiness waits -------------------------------------------

ssize_t tail_read_usleep(struct tail_reader *t) {
  ssize_t n;
  while ((n = read(t->fd, t->buf, sizeof t->buf)) < 0 && errno == EAGAIN)
    usleep(10 * 1000);
  return n;
}

ssize_t tail_read_nanosleep(struct tail_reader *t) {
  for (;;) {
    ssize_t n = read(t->fd, t->buf, sizeof t->buf);
    if (n < 0 && errno == EAGAIN) {
      struct timespec pause = {0, 5 * 1000 * 1000};
      nanosleep(&pause, NULL);
      continue;
    }
    return n;
  }
}

ssize_t tail_read_clock_nanosleep(struct tail_reader *t) {
  ssize_t n;
  do {
    n = read(t->fd, t->buf, sizeof t->buf);
    if (n < 0 && errno == EAGAIN) {
      struct timespec pause = {0, 1000 * 1000};
      clock_nanosleep(CLOCK_MONOTONIC, 0, &pause, NULL);
    }
  } while (n < 0 && errno == EAGAIN);
  return n;
}

ssize_t tail_read_sleep(struct tail_reader *t) {
  for (;;) {
    ssize_t n = read(t->fd, t->buf, sizeof t->buf);
    if (n < 0 && errno == EAGAIN) {
      sleep(1);
      continue;
    }
    return n;
  }
}

ssize_t tail_read_epoll(struct tail_reader *t) {
  for (;;) {
    ssize_t n = read(t->fd, t->buf, sizeof t->buf);
    if (n < 0 && errno == EAGAIN) {
      struct epoll_event ev;
      if (epoll_wait(t->epfd, &ev, 1, 1000) < 0)
        return -1;
      continue;
    }
    return n;
  }
}

ssize_t tail_read_cond(struct tail_reader *t) {
  for (;;) {
    ssize_t n = read(t->fd, t->buf, sizeof t->buf);
    if (n < 0 && errno == EAGAIN) {
      pthread_mutex_lock(&t->lock);
      while (!t->pending)
        pthread_cond_wait(&t->more, &t->lock);
      t->pending = 0;
      pthread_mutex_unlock(&t->lock);
      continue;
    }
    return n;
  }
}

// A function of this file that sleeps, with a name that does not say so.
void back_off(unsigned attempt) {
  struct timespec pause = {0, (long)(attempt < 10 ? attempt : 10) * 1000000L};
  nanosleep(&pause, NULL);
}

ssize_t tail_read_back_off(struct tail_reader *t) {
  unsigned attempt = 0;
  for (;;) {
    ssize_t n = read(t->fd, t->buf, sizeof t->buf);
    if (n < 0 && errno == EAGAIN) {
      back_off(++attempt);
      continue;
    }
    return n;
  }
}

// Declared only, but named as a wait.
int io_wait_readable(int fd, int timeout_ms);

ssize_t tail_read_named_wait(struct tail_reader *t) {
  ssize_t n;
  while ((n = read(t->fd, t->buf, sizeof t->buf)) < 0 && errno == EAGAIN)
    io_wait_readable(t->fd, 100);
  return n;
}
