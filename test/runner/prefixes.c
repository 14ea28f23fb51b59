// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Option variants share one file through --prefix and --config; a prefix
// with no MESSAGES line means "no warning at all".
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --prefix=QUIET %s nbio-unhandled-eagain \
// RUN:   --config='{CheckOptions: {nbio-unhandled-eagain.FlagDiscardedResults: false}}'
// RUN: not %check_nbio --prefix=QUIET %s nbio-unhandled-eagain 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DEFAULT-OPTIONS
#include <fcntl.h>
#include <unistd.h>
void f(int fd, const char *p) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  write(fd, p, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on non-blocking fd 'fd' discards its result
}
// DEFAULT-OPTIONS: no QUIET-MESSAGES line, so no diagnostic was expected
// DEFAULT-OPTIONS: warning: 'write' on non-blocking fd 'fd' discards its result
