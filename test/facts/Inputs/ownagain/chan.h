// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <stddef.h>

int spare_fds(void);
int chan_recv(int fd, void *buf, size_t len);
int chan_plain_recv(int fd, void *buf, size_t len);
int msg_read(int fd, void *buf, size_t len);
