// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// Twin of nbio-eagain-ewouldblock-linux-only-file.c: the Linux header is
// included only under `#ifdef __linux__`, so the file is built elsewhere
// too (without it), and a test of EAGAIN alone is reported there as
// anywhere.

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>
#ifdef __linux__
#include <linux/if_packet.h>
#endif

ssize_t frame_recv(int fd, char *buf, size_t n) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  for (;;) {
    ssize_t r = recv(fd, buf, n, 0);
    if (r < 0) {
      if (errno == EAGAIN)
        // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
        // CHECK-FIXES: if (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))
        return 0;
      if (errno == EINTR)
        continue;
      return -1;
    }
    return r;
  }
}
