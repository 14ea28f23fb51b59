// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A STUN client's blocking UDP socket (after coturn's stunclient.c): the
// EAGAIN retry cannot spin on it, but only another file can tell that
// addr_bind() leaves it blocking.
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>

int addr_bind(int fd, const struct sockaddr_in *a);
int addr_bind_nonblocking(int fd, const struct sockaddr_in *a);

static int udp_fd = -1;
static int udp_nb_fd = -1;

int probe(const struct sockaddr_in *local, const char *b, size_t n) {
  udp_fd = socket(AF_INET, SOCK_DGRAM, 0);
  addr_bind(udp_fd, local);
  for (;;) {
    if (send(udp_fd, b, n, 0) < 0 && errno == EAGAIN)
      continue;
    break;
  }
  return 0;
}

int probe_nonblocking(const struct sockaddr_in *local, const char *b,
                      size_t n) {
  udp_nb_fd = socket(AF_INET, SOCK_DGRAM, 0);
  addr_bind_nonblocking(udp_nb_fd, local);
  for (;;) {
    if (send(udp_nb_fd, b, n, 0) < 0 && errno == EAGAIN)
      continue;
    break;
  }
  return 0;
}
