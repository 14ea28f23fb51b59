// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write

// Reduced from pptpd 1.4.0 (ctrlpacket.c send_pptp_packet, pptpctrl.c): the
// control connection's socket is made non-blocking, the packet writer hands
// write()'s count back to its callers, and every caller only asks whether
// it is negative, so a short write of a control message is taken for a
// sent one and the length-framed stream loses its framing.
//
// The packet writer is one of the project's wrappers of write(): its
// callers are judged as if they had called write() themselves. In pptpd the
// writer and its callers are in two files; here they share one.

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
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send_packet' on non-blocking fd 'sock' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the count is only tested for a failure here; a short count passes
    return -1;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: after a short write the function returns here as if every byte was written
  // CHECK-MESSAGES: :27:3: note: 'sock' was made non-blocking here
  // CHECK-MESSAGES: :20:21: note: 'send_packet' hands the outcome of 'write' on its parameter 'fd' back to its caller here
}

// Twin: a writer that finishes the job itself returns no count; its own
// write is judged where it is, and its callers are not.
static int send_all(int fd, const char *p, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0)
      return -1;
    p += n;
    size -= (size_t)n;
  }
  return 0;
}

int control_reply_all(int sock, const char *reply, size_t size) {
  fcntl(sock, F_SETFL, O_NONBLOCK);
  if (send_all(sock, reply, size) < 0)
    return -1;
  return 0;
}
