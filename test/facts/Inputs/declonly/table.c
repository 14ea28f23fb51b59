// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A table of output functions whose one entry hands send()'s outcome back.
#include <sys/socket.h>
#include <sys/types.h>

struct ops {
  ssize_t (*put)(int fd, const void *p, size_t n);
};

static ssize_t sock_put(int fd, const void *p, size_t n) {
  return send(fd, p, n, 0);
}

const struct ops sock_ops = {sock_put};
