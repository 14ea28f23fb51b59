// Issue 14, defect 2 (tuWideNonBlocking): deciding whether the global g_fd
// is non-blocking iterates over its recorded events; the generic lambda's
// instantiation is walked lazily during that loop and records one more
// event on g_fd.
#include <unistd.h>

int g_fd;
void a() { g_fd = 3; }
void c0() { g_fd = 4; }
void b() { g_fd = [](auto x) { g_fd = x; return x; }(2); }
void use(char *buf) {
  if (read(g_fd, buf, 1) < 0)
    close(g_fd);
}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
