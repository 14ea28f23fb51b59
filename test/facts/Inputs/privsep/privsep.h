// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#ifndef PRIVSEP_H
#define PRIVSEP_H
void priv_set_fd(int fd);
int priv_fd(void);
void peer_set_fd(int fd);
int peer_fd(void);
void cb_set_fd(int fd);
int cb_fd(void);
void on_ready(void (*cb)(int));
#endif
