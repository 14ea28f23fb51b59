// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Socket options kept in one file, as a traffic generator does: the
// senders and receivers in the other files call these on their sockets.
#ifndef TIMEOUT_HELPER_SETTINGS_H
#define TIMEOUT_HELPER_SETTINGS_H
#include <stddef.h>

void limit_send_wait(int sock, long usec);
void limit_recv_wait(int sock, long usec);
void tune_buffers(int sock, int bytes);

long blast(int sock, const char *buf, size_t len, long want);
long blast_nonblocking(int sock, const char *buf, size_t len, long want);
long blast_untimed(int sock, const char *buf, size_t len, long want);
long blast_recv_limited(int sock, const char *buf, size_t len, long want);
#endif
