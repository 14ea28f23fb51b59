// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain

// Findings inside macro expansions are reported at the expansion site;
// NOLINT, NOLINTNEXTLINE and a begin/end pair of NOLINT comments silence
// them.

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define READ_OR_DIE(fd, b, n)                                                  \
  do {                                                                         \
    if (read((fd), (b), (n)) < 0)                                              \
      abort();                                                                 \
  } while (0)

#define IS_TRANSIENT(e) ((e) == EAGAIN || (e) == EWOULDBLOCK || (e) == EINTR)

void in_macro(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  READ_OR_DIE(fd, b, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
}

void handled_by_macro(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (read(fd, b, 1) < 0 && !IS_TRANSIENT(errno))
    abort();
}

void silenced(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  if (read(fd, b, 1) < 0) // NOLINT(nbio-unhandled-eagain)
    abort();
  // NOLINTNEXTLINE(nbio-unhandled-eagain)
  if (read(fd, b, 1) < 0)
    abort();
  // NOLINTBEGIN(nbio-*)
  if (read(fd, b, 1) < 0)
    abort();
  // NOLINTEND(nbio-*)
}
