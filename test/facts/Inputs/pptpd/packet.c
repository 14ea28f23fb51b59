// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The packet writer of a control connection (after pptpd's ctrlpacket.c):
// write()'s failure and count go back to the caller.
#include <sys/types.h>
#include <syslog.h>
#include <unistd.h>

ssize_t send_packet(int fd, const void *packet, size_t size) {
  ssize_t written = write(fd, packet, size);
  if (written == -1) {
    syslog(LOG_ERR, "could not write the packet");
    return -1;
  }
  return written;
}

// Look-alike: finishes the job itself and returns 0 or -1.
int send_packet_all(int fd, const char *p, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0)
      return -1;
    p += n;
    size -= (size_t)n;
  }
  return 0;
}
