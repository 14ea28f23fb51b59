// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <sys/socket.h>

/* Another file's function: each call below is a site of its parameter. */
void serve(int fd, int slot);

/* One macro expansion defines two functions; both calls share the
   expansion's place. */
#define OPENERS(fast, slow)                                                    \
  void open_##fast(void) {                                                     \
    serve(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), 1);                 \
  }                                                                            \
  void open_##slow(void) { serve(socket(AF_INET, SOCK_STREAM, 0), 2); }

OPENERS(quick, patient)
