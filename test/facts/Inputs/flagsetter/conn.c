// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <stdbool.h>
#include <sys/types.h>
#include <unistd.h>

bool tune_socket(int sock);
bool calm_socket(int sock);
bool tune_as(int sock, bool non_block);

void conn_read(int s, char *buf, size_t n) {
  if (!tune_socket(s))
    return;
  if (read(s, buf, n) <= 0)
    close(s);
}

// Look-alikes: the constant flag says blocking; a flag handed on at run
// time says nothing the facts can name.
void calm_read(int s, char *buf, size_t n) {
  if (!calm_socket(s))
    return;
  if (read(s, buf, n) <= 0)
    close(s);
}

void as_read(int s, char *buf, size_t n) {
  if (!tune_as(s, true))
    return;
  if (read(s, buf, n) <= 0)
    close(s);
}
