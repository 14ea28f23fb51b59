// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Moves a descriptor to a number its caller picks: any number may get
// anything.
#include <unistd.h>

int move_fd(int fd, int to) { return dup2(fd, to); }
