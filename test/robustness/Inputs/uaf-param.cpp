// Issue 14, defect 2 (paramNonBlocking): deciding whether sink's parameter
// is non-blocking iterates over sink's call sites; the generic lambda's
// instantiation is walked lazily during that loop and adds a call site.
#include <sys/socket.h>
#include <unistd.h>

int g_fd;
static void sink(int fd) {
  char buf[16];
  if (read(fd, buf, sizeof buf) < 0)
    close(fd);
}
void one() { sink(g_fd); }
void two() { sink(g_fd); }
void three() { g_fd = [](auto fd) { sink(fd); return fd; }(g_fd); }
void open_it() { g_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0); }
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
