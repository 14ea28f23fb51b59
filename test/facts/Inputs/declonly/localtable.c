// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The table's type declared at file scope, as a header would, and never
// used; the function defines a table type of the same name and calls
// through its field: the field of that name is used here.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

struct ops {
  ssize_t (*put)(int fd, const void *p, size_t n);
};

void reply_through(const void *table, int sock, const char *r, size_t n) {
  struct ops {
    ssize_t (*put)(int fd, const void *p, size_t n);
  };
  const struct ops *o = (const struct ops *)table;
  fcntl(sock, F_SETFL, fcntl(sock, F_GETFL, 0) | O_NONBLOCK);
  if (o->put(sock, r, n) < 0) {
    close(sock);
    exit(1);
  }
}
