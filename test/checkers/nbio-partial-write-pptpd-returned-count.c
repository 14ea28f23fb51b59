// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write

// Reduced from pptpd 1.4.0 (ctrlpacket.c send_pptp_packet, pptpctrl.c): the
// control connection's socket is made non-blocking, the packet writer hands
// write()'s count back to its callers, and every caller only asks whether
// it is negative, so a short write of a control message is taken for a
// sent one and the length-framed stream loses its framing.
//
// FIXME: a count returned to the caller counts as handed on (the caller
// decides), so nothing is reported here today. Following the count into the
// callers, in this file and across files (pptpd's callers are in another
// file), is the project-wide facts' work (issue 16).

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

static ssize_t send_packet(int fd, const void *packet, size_t size) {
  ssize_t written = write(fd, packet, size);
  if (written == -1)
    return -1;
  return written;
}

int control_reply(int sock, const void *reply, size_t size) {
  fcntl(sock, F_SETFL, O_NONBLOCK);
  if (send_packet(sock, reply, size) < 0)
    return -1;
  return 0;
}
