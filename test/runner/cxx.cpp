// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// --lang=c++ compiles the copy as C++ (here with an explicit standard).
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain
#include <fcntl.h>
#include <unistd.h>
namespace net {
[[nodiscard]] auto drain(int fd) {
  char b[16];
  fcntl(fd, F_SETFL, O_NONBLOCK);
  auto n = read(fd, b, sizeof b);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'read' on non-blocking fd 'fd' treats EAGAIN as a fatal error
  if (n <= 0) {
    close(fd);
    return false;
  }
  return true;
}
} // namespace net
