#include "nbq/stream.h"

#include <cstdio>

int nbq_relay_once(int from, int to);

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PORT (the relay's upstream)\n", argv[0]);
    return 2;
  }
  int fd = nbq_dial(argv[1]);
  if (fd < 0)
    return 1;
  return nbq_relay_once(fd, 1);
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
