// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: rm -rf %t.inc && mkdir -p %t.inc && cp %S/Inputs/ring-reader.h %t.inc/
// RUN: %check_nbio %s nbio-eagain-ewouldblock \
// RUN:   --config='{HeaderFilterRegex: "ring-reader"}' -- -I %t.inc
// RUN: rm -rf %t.inc && mkdir -p %t.inc && cp %S/Inputs/ring-reader.h %t.inc/
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock \
// RUN:   --config='{HeaderFilterRegex: "ring-reader"}' -- -std=c++17 -I %t.inc

// A file that includes a Linux kernel header (<linux/...>) outside any #if
// is built only on Linux, where EAGAIN and EWOULDBLOCK are one value: a
// test of one name there is portable as written, whatever the descriptor
// (lldpd's interfaces-linux.c reads frames through its ops table and tests
// EAGAIN alone). The other Linux-only rules (netlink, eventfd...) look at
// the descriptor; this one at the file. Twins: the code of a header the
// file includes is still reported (other files include it too), and
// nbio-eagain-ewouldblock-linux-header-guarded.c includes the same header
// under `#ifdef __linux__`, which is reported.

#include "ring-reader.h"
#include <errno.h>
#include <fcntl.h>
#if defined(__clang__)
#define QUIET 1
#endif
#include <linux/if_packet.h>
#include <sys/socket.h>
#include <sys/types.h>

// CHECK-MESSAGES: ring-reader.h:15:16: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]

ssize_t frame_recv(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  for (;;) {
    ssize_t r = recv(fd, buf, n, 0);
    if (r < 0) {
      if (errno == EAGAIN)
        return 0;
      if (errno == EINTR)
        continue;
      return -1;
    }
    return r;
  }
}

int frame_drain(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  switch (recv(fd, buf, n, 0) < 0 ? errno : 0) {
  case EWOULDBLOCK:
    return 0;
  default:
    return ring_read_some(fd, buf, n) < 0;
  }
}
