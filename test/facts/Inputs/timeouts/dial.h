// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A client split across files: dial.c connects, session.c talks over the
// socket kept in a struct.
#ifndef TIMEOUTS_DIAL_H
#define TIMEOUTS_DIAL_H
#include <stddef.h>

int dial(const char *path); /* a blocking socket, or -1 */

struct session {
  int fd;
};
long session_send(struct session *s, const char *path, const char *b,
                  size_t n);
#endif
