// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Address helpers of a STUN client (after coturn's apputils.c): binding a
// socket leaves its mode alone; the other helper makes it non-blocking.
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>

int addr_bind(int fd, const struct sockaddr_in *a) {
  return bind(fd, (const struct sockaddr *)a, sizeof *a);
}

int addr_bind_nonblocking(int fd, const struct sockaddr_in *a) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  return bind(fd, (const struct sockaddr *)a, sizeof *a);
}

// Both keep the mode too, but no other file calls them: the merged facts
// leave them out (a file judges a call of its own function on its body,
// and no other file has a call to ask about).
int addr_valid(int fd) { return fd >= 0; }

int addr_bind_checked(int fd, const struct sockaddr_in *a) {
  return addr_valid(fd) ? addr_bind(fd, a) : -1;
}
