// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <sys/types.h>
#include <unistd.h>

void apply_sock_opts(int fd);
void restore_sock_opts(int fd);

void conn_read(int s, char *buf, size_t n) {
  apply_sock_opts(s);
  if (read(s, buf, n) <= 0)
    close(s);
}

// Look-alike: made blocking again by the other file's helper.
void conn_read_blocking(int s, char *buf, size_t n) {
  apply_sock_opts(s);
  restore_sock_opts(s);
  if (read(s, buf, n) <= 0)
    close(s);
}
