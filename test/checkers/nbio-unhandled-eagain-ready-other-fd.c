// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// The most common server shape: poll() the listening socket, accept(), and
// hand the new connection to a handler that makes it non-blocking, reads
// and closes it when the read fails. The poll() said the *listening* socket
// was ready, not the client's: the read can fail with EAGAIN at once, and
// the handler drops the client. Readiness counts only for the descriptor
// it was asked about: a caller that polls the client's own socket first
// (or tests it in a select() ready set) is quiet.

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

static void handle_client(int cfd) {
  char buf[512];
  fcntl(cfd, F_SETFL, fcntl(cfd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(cfd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'read' on non-blocking fd 'cfd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
  if (n <= 0) {
    close(cfd);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'cfd' was made non-blocking here
    return;
  }
}

void serve(int lfd) {
  struct pollfd p = {lfd, POLLIN, 0};
  for (;;) {
    if (poll(&p, 1, -1) <= 0)
      continue;
    int cfd = accept(lfd, 0, 0);
    if (cfd >= 0)
      handle_client(cfd);
  }
}

// The look-alike: the caller waits for the client's own socket.
static void handle_ready(int rfd) {
  char buf[512];
  fcntl(rfd, F_SETFL, fcntl(rfd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(rfd, buf, sizeof buf);
  if (n <= 0) {
    close(rfd);
    return;
  }
}

void serve_ready(int *clients, int count) {
  fd_set rset;
  FD_ZERO(&rset);
  for (int i = 0; i < count; i++)
    FD_SET(clients[i], &rset);
  if (select(FD_SETSIZE, &rset, 0, 0, 0) <= 0)
    return;
  for (int i = 0; i < count; i++)
    if (FD_ISSET(clients[i], &rset))
      handle_ready(clients[i]);
}

static void handle_polled(int qfd) {
  char buf[512];
  fcntl(qfd, F_SETFL, fcntl(qfd, F_GETFL) | O_NONBLOCK);
  ssize_t n = read(qfd, buf, sizeof buf);
  if (n <= 0)
    close(qfd);
}

void serve_polled(int cfd) {
  struct pollfd p;
  p.fd = cfd;
  p.events = POLLIN;
  if (poll(&p, 1, 1000) > 0)
    handle_polled(cfd);
}

// Reduced from dropbear 2022.83 (common-channel.c, send_msg_channel_data):
// the handler picks its descriptor from one of two fields, and each caller
// tests that field in the select() ready set first. A read on the picked
// descriptor runs once it is ready; the comment there says so.
struct channel {
  int readfd, errfd;
};

static void channel_send(struct channel *ch, int isext) {
  char buf[256];
  int fd;
  if (isext)
    fd = ch->errfd;
  else
    fd = ch->readfd;
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0)
    close(fd);
}

void channel_io(struct channel *ch, const fd_set *rset) {
  if (ch->readfd >= 0 && FD_ISSET(ch->readfd, rset))
    channel_send(ch, 0);
  if (ch->errfd >= 0 && FD_ISSET(ch->errfd, rset))
    channel_send(ch, 1);
}
