// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Reduced from xl2tpd 1.3.18 (network.c, network_thread): after select()
// the daemon walks its list of tunnels and reads one datagram from each
// ready socket. A failed read ends with `if (st) st = st->next; continue;`:
// the loop moves on to the next socket, it does not retry the same one. The
// same loop whose failure path does not move on spins, and is reported.

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct tunnel {
  int udp_fd;
  struct tunnel *next;
};

void drain_tunnels(struct tunnel *head, int server_socket, char *buf,
                   unsigned len) {
  struct tunnel *st = head;
  int server_done = 0;
  int *currentfd;
  while (st || !server_done) {
    if (st) {
      currentfd = &st->udp_fd;
    } else {
      currentfd = &server_socket;
      server_done = 1;
    }
    ssize_t n = recv(*currentfd, buf, len, MSG_DONTWAIT);
    if (n < 0) {
      if (st)
        st = st->next;
      continue;
    }
    if (st)
      st = st->next;
  }
}

// The twin: the failure path goes back without moving on.
void drain_stuck(struct tunnel *head, char *buf, unsigned len) {
  struct tunnel *st = head;
  while (st) {
    ssize_t n = recv(st->udp_fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'recv' on fd 'st->udp_fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (n < 0) {
      if (errno == EAGAIN)
        continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: the call is retried from here
      // CHECK-MESSAGES: :[[@LINE-6]]:44: note: 'MSG_DONTWAIT' makes this call non-blocking
      // CHECK-FIXES: {{^}}      if (errno == EAGAIN) {{{$}}
      // CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {st->udp_fd, POLLIN, 0};{{$}}
      // CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
      // CHECK-FIXES-NEXT: {{^}}        continue;{{$}}
      // CHECK-FIXES-NEXT: {{^}}      }{{$}}
      return;
    }
    st = st->next;
  }
}
