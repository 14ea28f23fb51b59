// Opened in Neovim through nbio-clangd by ../../stock.test: what clangd does
// besides our checks keeps working. Lines are pinned: keep them in place.
#include <unistd.h>

#include "net_setup.h"

int stock(int fd, char *buf) {
  int status = tune_socket(fd);
  if (status < 0)
    return -1;
    return (int)read(fd, buf, 1);
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
