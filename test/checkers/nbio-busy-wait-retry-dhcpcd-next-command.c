// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A loop that takes the next item off its input before each call is not
// retrying the call: after EAGAIN it goes on to the next item. Reduced
// from dhcpcd's control_recvdata, which splits one read of its control
// socket into commands (an inner `while (len != 0)` that shortens `len`
// as it goes) and answers each on a non-blocking connection; on EAGAIN
// the answer is dropped and the outer `while (len != 0)` moves on, so the
// loop ends when the input is used up. Twins that are reported: a loop
// whose every round sends the same buffer until it goes (its length
// changes only after a success), and one that takes input off only on
// some rounds.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <unistd.h>
// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

void answer_commands(int fd, char *p, size_t len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  while (len != 0) {
    char *cmd = p;
    size_t n = 0;
    while (len != 0) {
      n++;
      len--;
      if (*p++ == '\n')
        break;
    }
    if (n == 0)
      continue;
    if (write(fd, cmd, n) == -1) {
      if (errno != EINTR && errno != EAGAIN) {
        close(fd);
        return;
      }
    }
  }
}

// Twin: the same bytes go again at once until they are taken.
void send_all(int fd, const char *p, size_t len) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  while (len != 0) {
    ssize_t w = write(fd, p, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (w == -1) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      // CHECK-FIXES: {{^}}      if (errno == EINTR || errno == EAGAIN) {{{$}}
      // CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}
      // CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
      // CHECK-FIXES-NEXT: {{^}}        continue;{{$}}
      // CHECK-FIXES-NEXT: {{^}}      }{{$}}
      close(fd);
      return;
    }
    p += w;
    len -= (size_t)w;
  }
}

// Twin: input is taken off on framed rounds only.
void answer_maybe_framed(int fd, char *p, size_t len, int framed) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  while (len != 0) {
    if (framed) {
      p++;
      len--;
    }
    if (write(fd, p, 1) == -1) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'write' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
      if (errno != EINTR && errno != EAGAIN)
        return;
    }
  }
}
