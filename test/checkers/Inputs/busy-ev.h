// A project's own readiness wait, for the WaitForm=custom tests of
// nbio-busy-wait-retry: the fix-it includes this header and calls
// ev_wait_fd(fd, POLLIN or POLLOUT, timeout in ms).
#ifndef BUSY_EV_H
#define BUSY_EV_H
#include <poll.h>
#ifdef __cplusplus
extern "C" {
#endif
int ev_wait_fd(int fd, short events, int timeout_ms);
#ifdef __cplusplus
}
#endif
#endif
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
