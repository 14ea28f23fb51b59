// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The same shim in C++, inside a namespace with C linkage: its summary
// lists it qualified, the merge goes by the last part of the name.
#include <sys/socket.h>
#include <unistd.h>

namespace compat {
extern "C" int eventfd(unsigned int initval, int flags) {
  int sv[2];
  (void)initval;
  if (socketpair(AF_UNIX, SOCK_STREAM | flags, 0, sv) < 0)
    return -1;
  close(sv[1]);
  return sv[0];
}
} // namespace compat
