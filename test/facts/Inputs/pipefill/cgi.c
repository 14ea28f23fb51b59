// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The request body goes to the child through the write end of a pipe that
// another file's helper made; a full pipe gives EAGAIN, and POSIX gives a
// pipe EAGAIN alone, so testing it alone is right. The twin's descriptor
// is a socket pair's end, where EWOULDBLOCK may differ.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int ev_pipe(int *fds);
int ev_pair(int *fds);

struct child {
  int to_child;
  int to_peer;
};

static int feed(int fd, const char *buf, int len) {
  ssize_t n = write(fd, buf, len);
  if (n < 0) {
    if (errno == EAGAIN)
      return 0;
    return -1;
  }
  return (int)n;
}

int start_child(struct child *c) {
  int fds[2];
  if (ev_pipe(fds) != 0)
    return -1;
  fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK);
  c->to_child = fds[1];
  return 0;
}

int feed_child(struct child *c, const char *buf, int len) {
  return feed(c->to_child, buf, len);
}

int start_peer(struct child *c) {
  int fds[2];
  if (ev_pair(fds) != 0)
    return -1;
  fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK);
  c->to_peer = fds[1];
  return 0;
}

int feed_peer(struct child *c, const char *buf, int len) {
  ssize_t n = write(c->to_peer, buf, len);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return (int)n;
}
