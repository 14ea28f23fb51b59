// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A handshake step in the shape of bitlbee 3.6's SOCKS5 handshake
// (protocols/jabber/s5bytestream.c): called directly with -1, it opens its
// own non-blocking socket and registers itself with the event loop, which
// calls it back with that socket. Its descriptor parameter is not always
// the registered socket.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

typedef enum { LOOP_READ = 1, LOOP_WRITE = 2 } loop_cond;
#define B_EV_IO_READ LOOP_READ
#define B_EV_IO_WRITE LOOP_WRITE
int b_input_add(int fd, loop_cond cond,
                int (*fn)(void *data, int fd, loop_cond cond), void *data);

struct handshake {
  int sock;
  char hello[3];
};

int hs_step(void *data, int fd, loop_cond cond);
int hs_step(void *data, int fd, loop_cond cond) {
  struct handshake *h = (struct handshake *)data;
  if (fd == -1) {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    h->sock = fd;
    return b_input_add(fd, B_EV_IO_WRITE | B_EV_IO_READ, hs_step, h);
  }
  if (cond & B_EV_IO_READ) {
    if (send(fd, h->hello, sizeof h->hello, 0) == -1) {
      close(fd);
      return 0;
    }
  }
  return 1;
}

int hs_start(struct handshake *h);
int hs_start(struct handshake *h) { return hs_step(h, -1, B_EV_IO_READ); }
