/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
/* A single-threaded epoll echo server on 127.0.0.1:7000. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conn.h"
#include "netutil.h"

static int wake_pipe[2] = {-1, -1};

/* Correct: a full pipe means a wake-up is already pending, so the result is
   ignored on purpose, and said so with the cast. */
static void on_signal(int sig) {
  (void)sig;
  (void)write(wake_pipe[1], "x", 1);
}

/* Correct: drain the listening socket until EAGAIN (edge-triggered). */
static void accept_all(int ep, int listener) {
  for (;;) {
    int fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        return;
      perror("accept4");
      return;
    }
    struct conn *c = conn_new(fd);
    if (!c) {
      close(fd);
      continue;
    }
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLET,
                             .data.ptr = c};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  }
}

int main(void) {
  if (pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) < 0)
    return 1;
  signal(SIGTERM, on_signal);
  int listener = net_listen(7000);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (listener < 0 || ep < 0)
    return 1;
  struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.ptr = NULL};
  epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
  struct epoll_event wake = {.events = EPOLLIN, .data.ptr = &wake_pipe};
  epoll_ctl(ep, EPOLL_CTL_ADD, wake_pipe[0], &wake);
  for (;;) {
    struct epoll_event evs[64];
    int n = epoll_wait(ep, evs, 64, -1);
    for (int i = 0; i < n; i++) {
      if (evs[i].data.ptr == NULL) {
        accept_all(ep, listener);
      } else if (evs[i].data.ptr == &wake_pipe) {
        close(listener);
        return 0;
      } else {
        struct conn *c = evs[i].data.ptr;
        if ((evs[i].events & EPOLLIN) && !conn_on_readable(c))
          continue;
        if (evs[i].events & EPOLLOUT)
          conn_on_writable(c);
      }
    }
  }
}
