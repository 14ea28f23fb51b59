// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The sending side of a relay: send_blocking() makes the socket blocking
// for its one send and non-blocking again afterwards, as ncat's
// blocking_fdinfo_send does; send_async() only hands send() on.

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>

struct fdinfo {
  int fd;
};

static void to_blocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

static void to_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int send_blocking(struct fdinfo *fdn, const char *buf, size_t size) {
  int ret;
  to_blocking(fdn->fd);
  ret = (int)send(fdn->fd, buf, size, 0);
  to_nonblocking(fdn->fd);
  return ret;
}

int send_async(struct fdinfo *fdn, const char *buf, size_t size) {
  return (int)send(fdn->fd, buf, size, 0);
}
