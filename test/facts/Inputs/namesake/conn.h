// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A project's own TLS layer whose functions share libtls's names but take
// the project's connection, not libtls's `struct tls *`.
#include <sys/types.h>

struct conn {
  int fd;
};
ssize_t tls_read(struct conn *c, void *buf, size_t len);
