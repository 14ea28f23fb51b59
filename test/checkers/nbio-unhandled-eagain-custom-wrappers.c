// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain --config='{CheckOptions: {NonBlockingFunctions: "sock_mode:1:2:0;net_async:0", BlockingFunctions: "net_sync:0"}}'

// The project's own wrappers, declared only, named in the options:
// sock_mode(ctx, fd, blocking) is non-blocking when its third argument is 0.

#include <unistd.h>

struct ctx;
int sock_mode(struct ctx *c, int fd, int blocking);
int net_async(int fd);
int net_sync(int fd);

void listed(struct ctx *c, int fd, char *b) {
  sock_mode(c, fd, 0);
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

void listed_blocking_value(struct ctx *c, int fd, char *b) {
  sock_mode(c, fd, 1);
  if (read(fd, b, 1) <= 0)
    close(fd);
}

void listed_simple(int fd, char *b) {
  net_async(fd);
  if (read(fd, b, 1) <= 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(fd);
}

void listed_back_to_blocking(int fd, char *b) {
  net_async(fd);
  net_sync(fd);
  if (read(fd, b, 1) <= 0)
    close(fd);
}
