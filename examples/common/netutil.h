/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
/* Helpers shared by the echo server and its clients. */
#ifndef NETUTIL_H
#define NETUTIL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Puts fd in non-blocking mode; returns 0 or -1. */
int net_set_nonblocking(int fd);

/* A listening TCP socket on 127.0.0.1:port, non-blocking. */
int net_listen(unsigned short port);

/* Starts a non-blocking connect to 127.0.0.1:port. */
int net_connect(unsigned short port);

#ifdef __cplusplus
}
#endif

#endif
