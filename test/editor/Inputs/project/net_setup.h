/* Set-up helpers shared by the connection code, defined here in a header:
 * clangd reads them from the preamble, in which it skips function bodies.
 * The three do the same.  nbio knows set_nonblocking() by name (its list of
 * wrappers from real projects); net_set_nonblocking() says what it does in
 * its name only; tune_socket() only in its body. */
#ifndef NET_SETUP_H
#define NET_SETUP_H

#include <fcntl.h>

static inline int set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (flags < 0)
    return -1;
  return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static inline int net_set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (flags < 0)
    return -1;
  return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static inline int tune_socket(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (flags < 0)
    return -1;
  return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

#endif
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
