#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nbio contributors
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Programs whose expressions are TERMS terms deep, for the deep-expression
tests: clang parses them; the checks must not overflow the stack on them.

  gen_deep.py sum TERMS    the reproducer of issue 14 (an initialiser
                           `0 + 1 + ... + 1`, then a read) and the same deep
                           sum before a read whose EAGAIN is treated as fatal
  gen_deep.py cond TERMS   a read on a non-blocking fd, then
                           `if (n < 0 && (k + k + ... + k)) close(fd);`,
                           and one whose EAGAIN is fatal:
                           `if (n < 0 || (k + ... + k) > 0) close(fd);`

The diagnostics must not depend on TERMS: the tests compare a deep file
with a three-term one.
"""
import sys

HEAD = """\
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>
"""


def chain(first, term, terms):
    return first + (" + " + term) * (terms - 1)


def gen_sum(terms):
    return HEAD + """
int f(int fd, char *b) {
  int x = %s;
  return (int)read(fd, b, (size_t)x);
}

int g(int fd, char *b) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  int x = %s;
  ssize_t n = read(fd, b, (size_t)x);
  if (n < 0) {
    close(fd);
    return -1;
  }
  return (int)n;
}
""" % (chain("0", "1", terms), chain("0", "1", terms))


def gen_cond(terms):
    return HEAD + """
int h(int fd, char *b, int k) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 16);
  if (n < 0 && (%s))
    close(fd);
  return (int)n;
}

int h2(int fd, char *b, int k) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, b, 16);
  if (n < 0 || (%s) > 0)
    close(fd);
  return (int)n;
}
""" % (chain("k", "k", terms), chain("k", "k", terms))


def main(argv):
    mode, terms = argv[1], int(argv[2])
    sys.stdout.write({"sum": gen_sum, "cond": gen_cond}[mode](terms))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
