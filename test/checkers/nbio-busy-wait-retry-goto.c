// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A backward goto to the receive is a loop too. Modelled on the receive
// helper of a storage daemon's messenger (ceph PR 6971): on EAGAIN or EINTR
// it jumped back to recv() at once, and a daemon thread sat at 100% CPU
// while its peer was quiet. The fix waits for POLLIN before the jump.

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>

// CHECK-FIXES: {{^}}#include <errno.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

struct messenger_pipe {
  int sd;
  unsigned long bytes_in;
};

ssize_t pipe_do_recv(struct messenger_pipe *pipe, char *buf, size_t len,
                     int flags) {
  ssize_t got;
again:
  got = recv(pipe->sd, buf, len, flags);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recv' on fd 'pipe->sd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  if (got < 0) {
    if (errno == EAGAIN || errno == EINTR) {
      goto again;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    }
    return -errno;
  }
  pipe->bytes_in += (unsigned long)got;
  return got;
}
// CHECK-FIXES: {{^}}    if (errno == EAGAIN || errno == EINTR) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {pipe->sd, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}      }{{$}}
// CHECK-FIXES-NEXT: {{^}}      goto again;{{$}}

// The same with an unbraced branch: the wait and the goto become a block.
ssize_t pipe_send_all(struct messenger_pipe *pipe, const char *buf,
                      size_t len) {
  ssize_t put;
retry_send:
  put = send(pipe->sd, buf, len, MSG_NOSIGNAL);
  if (put < 0 && errno == EWOULDBLOCK)
    goto retry_send;
  return put;
  // CHECK-MESSAGES: :[[@LINE-4]]:9: warning: 'send' on fd 'pipe->sd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the call is retried from here
}
// CHECK-FIXES: {{^}}  if (put < 0 && errno == EWOULDBLOCK) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}    struct pollfd wait_pfd = {pipe->sd, POLLOUT, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}    (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}    goto retry_send;{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}

// --- not a busy wait --------------------------------------------------------

// The fixed shape: wait for readiness, then jump back.
int wait_in(int sd, int ms);
ssize_t pipe_recv_waiting(struct messenger_pipe *pipe, char *buf, size_t len) {
  ssize_t got;
again:
  got = recv(pipe->sd, buf, len, 0);
  if (got < 0 && errno == EAGAIN) {
    if (wait_in(pipe->sd, 1000) < 0)
      return -1;
    goto again;
  }
  return got;
}

// A forward goto to an error exit is not a retry.
ssize_t pipe_recv_or_fail(struct messenger_pipe *pipe, char *buf, size_t len) {
  ssize_t got = recv(pipe->sd, buf, len, 0);
  if (got < 0)
    goto fail;
  return got;
fail:
  return errno == EAGAIN ? 0 : -1;
}

// Jumping back only on EINTR: the signal interrupted a wait that had not
// finished, and recv() will block or fail again by itself.
ssize_t pipe_recv_eintr(struct messenger_pipe *pipe, char *buf, size_t len) {
  ssize_t got;
interrupted:
  got = recv(pipe->sd, buf, len, 0);
  if (got < 0 && errno == EINTR)
    goto interrupted;
  return got;
}

// A bounded retry, the shape ceph ended up with: the counter in the test
// is bumped on the way back.
ssize_t pipe_recv_bounded(struct messenger_pipe *pipe, char *buf, size_t len) {
  ssize_t got;
  int tries = 0;
again:
  got = recv(pipe->sd, buf, len, MSG_DONTWAIT);
  if (got < 0 && errno == EAGAIN && tries++ < 3)
    goto again;
  return got;
}
