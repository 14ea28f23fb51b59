// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain -- -fblocks

// A loop's wake-up channel that is an eventfd where the system has one and
// a pipe where it has not, the wake-up's result dropped. Reduced from
// libev's evpipe_init(), evpipe_write() and pipecb() (ev.c): the channel's
// write end holds what eventfd() gave, or the pipe's write end (put in
// place with dup2() on a later call), and the wake-up writes the 8-byte
// constant 1 to the eventfd and one byte to the pipe. Neither loses a
// wake-up: a write of a few bytes or of a fixed small constant to a pipe is
// atomic and fails with EAGAIN only while the pipe holds bytes, a wake-up
// already pending; one byte to an eventfd fails with EINVAL, and a small
// step cannot fill its counter. Draining the eventfd, count and bytes
// dropped, loses nothing either. Twins, still reported: the same channel
// with a socketpair as the fallback, a value the caller chooses, a drained
// value looked at or kept (a block, a cleanup function), fewer bytes than
// the counter's 8 from the slot that may be the eventfd, the pipe's bytes
// looked at, a pipe that stands in for no eventfd (a message pipe), a
// pointer handed to a worker (losing it loses the job),
// eight bytes to a pipe alone (a record), the channel's array let out
// whole (memcpy, a pointer into it), and a full pipe whose failure is
// tested and taken for fatal.

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

struct loop {
  int evpipe[2];
  int sockpipe[2];
};

void loop_init(struct loop *l) {
  l->evpipe[0] = -1;
  l->evpipe[1] = -1;
}

static void evpipe_init(struct loop *l) {
  int fds[2];
  fds[0] = -1;
  fds[1] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fds[1] < 0) {
    while (pipe(fds))
      abort();
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
  }
  l->evpipe[0] = fds[0];
  if (l->evpipe[1] < 0) {
    l->evpipe[1] = fds[1];
  } else {
    dup2(fds[1], l->evpipe[1]);
    close(fds[1]);
  }
}

void loop_start(struct loop *l) { evpipe_init(l); }

// The shape of libev's evpipe_write: quiet.
void evpipe_write(struct loop *l) {
  if (l->evpipe[0] < 0) {
    uint64_t counter = 1;
    write(l->evpipe[1], &counter, sizeof(uint64_t));
  } else {
    write(l->evpipe[1], &l->evpipe[1], 1);
  }
}

// A pipe alone: eight bytes there may be a record (a quit message to a
// worker), not a wake-up.
void kick_pipe(void) {
  int p[2];
  if (pipe2(p, O_NONBLOCK) < 0)
    return;
  const uint64_t quit = 0;
  write(p[1], &quit, sizeof quit);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'p[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  char one = 1;
  write(p[1], &one, 1);
}

// Draining the channel once the loop says it is readable, the count and
// the bytes both dropped (libev's pipecb): a would-block there means there
// was nothing to drain. Quiet where the descriptor is an eventfd on some
// path, so that it carries no stream of records; and on the pipe's read
// end, any number of bytes, where the pipe is the eventfd's fallback (made
// into the same local pair only when its second slot got no eventfd).
void evpipe_drain(struct loop *l) {
  if (l->evpipe[0] < 0) {
    uint64_t counter;
    read(l->evpipe[1], &counter, sizeof(uint64_t));
  } else {
    char dummy[4];
    read(l->evpipe[0], &dummy, sizeof(dummy));
  }
}

// The stand-in pipe's bytes looked at afterwards: a would-block leaves
// them unset.
char evpipe_peek_byte(struct loop *l) {
  char dummy[4];
  read(l->evpipe[0], &dummy, sizeof(dummy));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return dummy[0];
}

// A pipe alone, the same drain: the pipe may carry records (a message
// whose 4-byte header this read skips), and a would-block leaves the
// header for the next read of the message.
struct msgq {
  int msgpipe[2];
};

void msgq_init(struct msgq *q) {
  if (pipe2(q->msgpipe, O_NONBLOCK) < 0)
    abort();
}

void msgq_skip_header(struct msgq *q) {
  char header[4];
  read(q->msgpipe[0], &header, sizeof(header));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'q->msgpipe[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// Only the eventfd's own fallback counts: another array's slot holding
// an eventfd says nothing about this pipe.
static int efd_pair[2] = {-1, -1};
static int plain_pipe[2];

void pairs_init(void) {
  efd_pair[1] = eventfd(0, EFD_NONBLOCK);
  if (pipe2(plain_pipe, O_NONBLOCK) < 0)
    abort();
}

void plain_pipe_drain(void) {
  char dummy[4];
  read(plain_pipe[0], &dummy, sizeof(dummy));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'plain_pipe[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// One pair type for two channels: a struct field names every object's
// pair, and the wake-up object's eventfd says nothing about the message
// object's pipe.
struct chan {
  int fd[2];
};
struct chan wake_chan, msg_chan;

void chans_init(void) {
  wake_chan.fd[0] = -1;
  wake_chan.fd[1] = eventfd(0, EFD_NONBLOCK);
  if (pipe2(msg_chan.fd, O_NONBLOCK) < 0)
    abort();
}

void msg_chan_skip_header(void) {
  char header[4];
  read(msg_chan.fd[0], &header, sizeof(header));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'msg_chan.fd[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// A data pipe's read end kept beside an eventfd: slots side by side, but
// the pipe is no eventfd's fallback.
struct worker {
  int fd[2];
};

void worker_init(struct worker *w) {
  int p[2];
  if (pipe2(p, O_NONBLOCK) < 0)
    abort();
  w->fd[0] = p[0];
  w->fd[1] = eventfd(0, EFD_NONBLOCK);
}

void worker_skip_header(struct worker *w) {
  char header[4];
  read(w->fd[0], &header, sizeof(header));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'w->fd[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// A local array that held an eventfd, closed, and then takes a message
// pipe whatever the eventfd did: a pipe made beside the eventfd, not in
// its place.
void reuse_pair(void) {
  int fds[2];
  fds[1] = eventfd(0, EFD_NONBLOCK);
  if (fds[1] >= 0)
    close(fds[1]);
  if (pipe2(fds, O_NONBLOCK) < 0)
    abort();
  char header[4];
  read(fds[0], &header, sizeof(header));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'fds[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// An eventfd alone, drained the same way: quiet.
void counter_drain(void) {
  int efd = eventfd(0, EFD_NONBLOCK);
  if (efd < 0)
    return;
  uint64_t v;
  read(efd, &v, sizeof v);
  close(efd);
}

// The drained value looked at afterwards: a would-block leaves it unset.
uint64_t evpipe_take(struct loop *l) {
  uint64_t counter;
  read(l->evpipe[1], &counter, sizeof counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  return counter;
}

// A buffer that outlives the call (a static local, a global through a
// pointer, a caller's buffer).
void evpipe_drain_static(struct loop *l) {
  static char dummy[8];
  read(l->evpipe[1], dummy, sizeof dummy);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// Fewer bytes than the counter's 8 (an eventfd fails them with EINVAL and
// drains nothing), or more than the buffer holds.
void evpipe_drain_short(struct loop *l) {
  char four[4];
  read(l->evpipe[1], four, sizeof four);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  uint64_t counter;
  read(l->evpipe[1], &counter, 64);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// The value looked at by a block, or by a cleanup function at the end of
// its scope, though the function names it nowhere else.
void run_later(void (^b)(void));
void use_counter(uint64_t c);
void show_counter(uint64_t *c);

void evpipe_drain_block(struct loop *l) {
  uint64_t counter;
  read(l->evpipe[1], &counter, sizeof counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  run_later(^{
    use_counter(counter);
  });
}

void evpipe_drain_cleanup(struct loop *l) {
  __attribute__((cleanup(show_counter))) uint64_t counter;
  read(l->evpipe[1], &counter, sizeof counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

char last_counter[8];

void evpipe_drain_via(struct loop *l) {
  char *p = last_counter;
  read(l->evpipe[1], p, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

void evpipe_drain_into(struct loop *l, char *out) {
  read(l->evpipe[1], out, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// The channel's array let out whole: memcpy() may put a socket in it.
struct loop2 {
  int evpipe[2];
};

void loop2_init(struct loop2 *l) {
  int fds[2];
  if (pipe2(fds, O_NONBLOCK) < 0)
    abort();
  l->evpipe[1] = fds[1];
}

void loop2_adopt(struct loop2 *l, const int *given) {
  memcpy(l->evpipe, given, sizeof l->evpipe);
}

void loop2_write(struct loop2 *l) {
  write(l->evpipe[1], "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// A file's own array written through a pointer into it.
static int wk[2] = {-1, -1};

void wk_init(void) {
  int fds[2];
  if (pipe2(fds, O_NONBLOCK) < 0)
    abort();
  wk[1] = fds[1];
}

void wk_replace(void) {
  int *q = wk;
  q[1] = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
}

void wk_write(void) {
  write(wk[1], "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'wk[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// A socketpair as the fallback: a socket's buffer is no pipe's.
void sockpipe_init(struct loop *l) {
  int fds[2];
  fds[1] = eventfd(0, EFD_NONBLOCK);
  if (fds[1] < 0) {
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds) < 0)
      abort();
  }
  l->sockpipe[1] = fds[1];
}

void sockpipe_write(struct loop *l) {
  uint64_t counter = 1;
  write(l->sockpipe[1], &counter, sizeof counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'l->sockpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
  write(l->sockpipe[1], &l->sockpipe[1], 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'l->sockpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// The drain of a channel that may be a socket: a stream, whose bytes may
// be a record's start.
void sockpipe_drain(struct loop *l) {
  uint64_t counter;
  read(l->sockpipe[1], &counter, sizeof counter);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'l->sockpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// A value the caller chooses: a count, not a token.
void evpipe_add(struct loop *l, uint64_t n) {
  write(l->evpipe[1], &n, sizeof n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// A value changed after its initialiser.
void evpipe_add_later(struct loop *l, int big) {
  uint64_t v = 1;
  if (big)
    v = UINT64_MAX - 1;
  write(l->evpipe[1], &v, sizeof v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'l->evpipe[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

struct job;

// A pointer handed to a worker through the pipe: losing it loses the job.
void hand_job(struct job *j) {
  int p[2];
  if (pipe2(p, O_NONBLOCK) < 0)
    return;
  write(p[1], &j, sizeof j);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'p[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// Sixteen bytes from the token's address: more than the token.
void kick_pipe_long(void) {
  int p[2];
  if (pipe2(p, O_NONBLOCK) < 0)
    return;
  uint64_t one = 1;
  write(p[1], &one, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'p[1]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
}

// A full pipe does fail: taking that for fatal is reported.
void evpipe_write_checked(struct loop *l) {
  uint64_t counter = 1;
  if (write(l->evpipe[1], &counter, sizeof counter) < 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'l->evpipe[1]' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    abort();
}
