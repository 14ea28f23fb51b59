// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// The fix-it keeps `errno` as written in the second test (it once wrote
// the expansion, `*__errno_location () == EWOULDBLOCK`).

// EAGAIN from calls that are not descriptor I/O means "out of a resource,
// try later" (fork, getrandom before the pool is ready, sem_trywait...):
// there is no EWOULDBLOCK to pair it with. What counts is the last such
// call that ran last on the path to the test (in the function's CFG).

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <semaphore.h>
#include <stddef.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

struct worker_pool {
  sem_t slots;
  int ctl_fd;
  int nworkers;
};

// --- Negative cases --------------------------------------------------------

static int spawn_worker(struct worker_pool *wp) {
  pid_t pid = fork();
  if (pid < 0) {
    if (errno == EAGAIN)
      return 0; // over RLIMIT_NPROC: try again on the next tick
    return -1;
  }
  if (pid == 0)
    _exit(0);
  wp->nworkers++;
  return 1;
}

static int seed_from_kernel(unsigned char *seed, size_t len) {
  ssize_t n = getrandom(seed, len, GRND_NONBLOCK);
  if (n < 0 && errno == EAGAIN)
    return 0; // entropy pool not initialised yet
  return n < 0 ? -1 : 1;
}

static int try_take_slot(struct worker_pool *wp) {
  if (sem_trywait(&wp->slots) == 0)
    return 1;
  switch (errno) {
  case EAGAIN:
    return 0;
  default:
    return -1;
  }
}

// A socket read comes first, but fork() is the call whose errno is tested.
static int read_then_fork(struct worker_pool *wp) {
  char cmd;
  ssize_t n = read(wp->ctl_fd, &cmd, 1);
  if (n != 1)
    return -1;
  pid_t pid = fork();
  if (pid < 0 && errno == EAGAIN)
    return 0;
  if (pid == 0)
    _exit(cmd);
  return 1;
}

// The read comes after the test in source order.
static int fork_then_read(struct worker_pool *wp) {
  pid_t pid = fork();
  if (pid < 0 && errno == EAGAIN)
    return 0;
  if (pid == 0)
    _exit(0);
  char cmd;
  return (int)read(wp->ctl_fd, &cmd, 1);
}

// --- Positive cases --------------------------------------------------------

// The same shape with the calls swapped: now the read's errno is tested.
static int fork_then_read_test(struct worker_pool *wp) {
  pid_t pid = fork();
  if (pid == 0)
    _exit(0);
  char cmd;
  ssize_t n = read(wp->ctl_fd, &cmd, 1);
  if (n < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'read' on 'wp->ctl_fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (n < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return pid < 0 ? -1 : (int)n;
}

// A wait for a slot, then a socket send: the send's errno is tested.
static int notify_when_free(struct worker_pool *wp) {
  if (sem_trywait(&wp->slots) != 0)
    return 0;
  ssize_t n = send(wp->ctl_fd, "+", 1, MSG_DONTWAIT);
  if (n < 0) {
    switch (errno) {
    case EAGAIN:
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: errno from 'send' on 'wp->ctl_fd' is handled for EAGAIN but not for EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-FIXES:      {{^}}#if EWOULDBLOCK != EAGAIN{{$}}
      // CHECK-FIXES-NEXT: {{^}}    case EWOULDBLOCK:{{$}}
      // CHECK-FIXES-NEXT: {{^}}#endif{{$}}
      // CHECK-FIXES-NEXT: {{^}}    case EAGAIN:{{$}}
      sem_post(&wp->slots);
      return 0;
    default:
      return -1;
    }
  }
  return 1;
}

int run_all(struct worker_pool *wp);
int run_all(struct worker_pool *wp) {
  unsigned char seed[16];
  int r = spawn_worker(wp) + seed_from_kernel(seed, sizeof seed);
  r += try_take_slot(wp) + read_then_fork(wp) + fork_then_read(wp);
  return r + fork_then_read_test(wp) + notify_when_free(wp);
}
