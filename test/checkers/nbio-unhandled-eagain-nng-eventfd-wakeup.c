// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// A write to an eventfd adds the 8-byte value it is given to the
// descriptor's counter, and fails with EAGAIN only when the sum would pass
// 0xfffffffffffffffe. A wake-up that adds 1 (nng's poller on its way down:
// `uint64_t one = 1; if (write(pq->evfd, &one, sizeof(one)) != sizeof(one))
// nni_panic(...)`) cannot get there: the counter would need 2^64 such
// writes with no read in between. Such a write is not reported, whether
// its failure ends the program or is dropped. Still reported: a value the
// function does not fix (it may be the counter's limit), a large constant,
// a value changed after its initialiser or through a pointer to it, an
// initialiser a jump may skip, the same write to a pipe, and eight bytes
// taken from inside an array. A project's own eventfd() is the
// subject of nbio-unhandled-eagain-eventfd-namesake.c.

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

struct pollq {
  int evfd;
  int epfd;
};

void pollq_add(struct pollq *pq) { pq->evfd = eventfd(0, EFD_NONBLOCK); }

// The shape of nng's nni_posix_pollq_destroy: quiet.
void pollq_destroy(struct pollq *pq) {
  uint64_t one = 1;
  if (write(pq->evfd, &one, sizeof(one)) != sizeof(one))
    abort();
  close(pq->evfd);
}

// A const value, a result compared with -1, and one dropped: quiet.
void kick_const(void) {
  int efd = eventfd(0, EFD_NONBLOCK);
  const uint64_t v = 2;
  if (write(efd, &v, 8) == -1)
    exit(1);
  write(efd, &v, sizeof v);
  close(efd);
}

// Made non-blocking after its creation: still an eventfd, quiet.
void kick_set_later(void) {
  int efd = eventfd(0, 0);
  fcntl(efd, F_SETFL, O_NONBLOCK);
  uint64_t one = 1;
  if (write(efd, &one, sizeof one) < 0)
    abort();
}

// A value the caller chooses may be the counter's limit.
void add_count(struct pollq *pq, uint64_t n) {
  uint64_t v = n;
  if (write(pq->evfd, &v, sizeof(v)) != sizeof(v))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'pq->evfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

// The largest value an eventfd takes: the next write of 1 would block.
void fill_counter(struct pollq *pq) {
  uint64_t full = 0xfffffffffffffffeULL;
  if (write(pq->evfd, &full, sizeof(full)) != sizeof(full))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'pq->evfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

// Initialised to 1, then changed before the write.
void changed_after_init(struct pollq *pq, uint64_t n) {
  uint64_t one = 1;
  one += n;
  if (write(pq->evfd, &one, sizeof(one)) != sizeof(one))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'pq->evfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

// A pipe has no counter: its buffer fills.
void kick_pipe(void) {
  int p[2];
  if (pipe2(p, O_NONBLOCK) < 0)
    return;
  uint64_t one = 1;
  if (write(p[1], &one, sizeof(one)) != sizeof(one))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'p[1]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

// Eight bytes starting at the second of two values: not the variable's.
void kick_array(struct pollq *pq) {
  uint64_t two[2] = {1, 1};
  if (write(pq->evfd, &two[1], 8) != 8)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'pq->evfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

// A pointer to const, cast back and written through.
void changed_through_pointer(struct pollq *pq) {
  uint64_t one = 1;
  const uint64_t *p = &one;
  *(uint64_t *)p = 0xfffffffffffffffeULL;
  if (write(pq->evfd, &one, sizeof(one)) != sizeof(one))
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'pq->evfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}

// The goto jumps past the initialiser: 'one' holds anything there.
void jumped_over(struct pollq *pq, int now) {
  if (now)
    goto send;
  {
    uint64_t one = 1;
  send:
    if (write(pq->evfd, &one, sizeof(one)) != sizeof(one))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on non-blocking fd 'pq->evfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      abort();
  }
}

// So does the case label.
void switched_over(struct pollq *pq, int c) {
  switch (c) {
    uint64_t one = 1;
  case 0:
    if (write(pq->evfd, &one, sizeof(one)) != sizeof(one))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on non-blocking fd 'pq->evfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
      abort();
  }
}

// The wake-up after a loop that only reads the value: quiet.
void wake_after_reads(struct pollq *pq, int n) {
  uint64_t one = 1;
  uint64_t sum = 0;
  for (int i = 0; i < n; ++i)
    sum += one;
  if (sum > 0 && write(pq->evfd, &one, sizeof(one)) < 0)
    abort();
}
