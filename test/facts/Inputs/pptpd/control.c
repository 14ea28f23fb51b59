// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The control connection (after pptpd's pptpctrl.c): the socket is made
// non-blocking here, and every reply goes through the packet writer of
// another file.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t send_packet(int fd, const void *packet, size_t size);
int send_packet_all(int fd, const char *p, size_t size);
void make_reply(char *buf, size_t *size);

void control_loop(int sock) {
  char reply[64];
  size_t size;
  int flags = fcntl(sock, F_GETFL, 0);
  fcntl(sock, F_SETFL, flags | O_NONBLOCK);
  for (;;) {
    make_reply(reply, &size);
    if (send_packet(sock, reply, size) < 0) {
      close(sock);
      exit(1);
    }
    if (send_packet_all(sock, reply, size) < 0) {
      close(sock);
      exit(1);
    }
  }
}
