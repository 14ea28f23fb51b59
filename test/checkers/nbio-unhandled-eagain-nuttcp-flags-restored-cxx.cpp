// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// The C++ spelling of nuttcp's scoped notice (the C test is
// nbio-unhandled-eagain-nuttcp-flags-restored.c): a member function makes
// a local copy of its control socket non-blocking for one send, through
// the global namespace's fcntl, and puts the flags it read back right
// after. The dropped result is what it asked for. Twins: an early return
// inside the window leaves the socket non-blocking for the rest of the
// program; a reference bound to the local may give it another socket
// before the restore.
//
// FIXME: the same window on the field itself (`::fcntl(sock[0], ...)`)
// is still reported: restores are followed only on a local, a parameter
// or a global, where one name is one descriptor in the function.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

struct Control {
  int sock[2];

  void notify_abort() {
    const int fd = sock[0];
    int saved = ::fcntl(fd, F_GETFL, 0);
    if (saved == -1)
      return;
    ::fcntl(fd, F_SETFL, saved | O_NONBLOCK);
    ::send(fd, "A", 1, MSG_OOB);
    ::fcntl(fd, F_SETFL, saved);
  }

  void notify_abort_field() {
    int saved = ::fcntl(sock[0], F_GETFL, 0);
    if (saved == -1)
      return;
    ::fcntl(sock[0], F_SETFL, saved | O_NONBLOCK);
    ::send(sock[0], "A", 1, MSG_OOB);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'send' on non-blocking fd 'sock[0]' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
    ::fcntl(sock[0], F_SETFL, saved);
  }

  void notify_abort_early_return(bool quiet) {
    const int fd = sock[0];
    int saved = ::fcntl(fd, F_GETFL, 0);
    if (saved == -1)
      return;
    ::fcntl(fd, F_SETFL, saved | O_NONBLOCK);
    ::send(fd, "A", 1, MSG_OOB);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'send' on non-blocking fd 'fd' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
    if (quiet)
      return;
    ::fcntl(fd, F_SETFL, saved);
  }

  // A reference bound to the descriptor may change it behind the window.
  void notify_abort_reference() {
    int fd = sock[0];
    int &alias = fd;
    int saved = ::fcntl(fd, F_GETFL, 0);
    if (saved == -1)
      return;
    ::fcntl(fd, F_SETFL, saved | O_NONBLOCK);
    ::send(fd, "A", 1, MSG_OOB);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'send' on non-blocking fd 'fd' discards its result, so a failure with EAGAIN goes unnoticed [nbio-unhandled-eagain]
    alias = sock[1];
    ::fcntl(fd, F_SETFL, saved);
  }
};
