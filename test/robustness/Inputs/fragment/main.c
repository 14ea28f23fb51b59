// Issue 14, defect 4: the retry loop of Inputs/fragment/retry.inc is
// spliced into this function body by #include; a fix must not put an
// #include into that fragment.
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t pull(int fd, char *buf, size_t cap) {
  ssize_t n;
#include "retry.inc"
  return n;
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
