// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A child that hands its channel's number to another file's function,
// which makes it non-blocking.
#include "proc.h"

void adopt_channel(int fd);

void child_adopt(void) { adopt_channel(PARENT_FD); }
