"""Writes a large C file: N copies of a non-blocking reader whose failure
branch closes the connection (one finding each), with deeply nested blocks
and long straight-line runs around them."""
import sys

n = int(sys.argv[1])
out = ["#include <fcntl.h>", "#include <unistd.h>", "struct c { int fd; };"]
for i in range(n):
    out.append("void f%d(struct c *c, char *b) {" % i)
    out.append("  fcntl(c->fd, F_SETFL, O_NONBLOCK);")
    out.append("  int x = 0;")
    out += ["  x += %d;" % k for k in range(20)]
    out.append("  " + "{ " * 30 + "x++;" + " }" * 30)
    out.append("  if (read(c->fd, b, (size_t)x) <= 0)")
    out.append("    close(c->fd);")
    out.append("}")
print("\n".join(out))
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
