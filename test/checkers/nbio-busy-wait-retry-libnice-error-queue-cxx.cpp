// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// The error-queue retry of nbio-busy-wait-retry-libnice-error-queue.c in
// C++: a helper whose answer may change without a plain assignment, or
// whose call may run another body, says nothing of what was taken.

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// The helper's local is set through a reference: reported.
static int take_error_by_ref(int fd) {
  struct msghdr hdr;
  memset(&hdr, 0, sizeof(hdr));
  int took = recvmsg(fd, &hdr, MSG_ERRQUEUE) >= 0;
  int &answer = took;
  answer = 1;
  return took;
}

ssize_t send_ref(int fd, const void *buf, size_t len) {
  ssize_t sent;
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && take_error_by_ref(fd));
  return sent;
}

// The helper's local is handed to a function that takes a reference:
// reported.
static void mark(int &flag) { flag = 1; }
static int take_error_marked(int fd) {
  struct msghdr hdr;
  memset(&hdr, 0, sizeof(hdr));
  int took = recvmsg(fd, &hdr, MSG_ERRQUEUE) >= 0;
  mark(took);
  return took;
}

ssize_t send_marked(int fd, const void *buf, size_t len) {
  ssize_t sent;
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && take_error_marked(fd));
  return sent;
}

// A virtual helper: an override may answer yes without taking anything;
// reported.
struct ErrorQueue {
  virtual int take(int fd) {
    struct msghdr hdr;
    memset(&hdr, 0, sizeof(hdr));
    return recvmsg(fd, &hdr, MSG_ERRQUEUE) >= 0;
  }
  virtual ~ErrorQueue() = default;
};

ssize_t send_virtual(ErrorQueue *q, int fd, const void *buf, size_t len) {
  ssize_t sent;
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'send' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: 'MSG_DONTWAIT' makes this call non-blocking
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: no fix-it: the loop condition has side effects and cannot be repeated before the wait
  } while (sent == -1 && q->take(fd));
  return sent;
}

// The same method in a final class: no other body runs; quiet.
struct FinalErrorQueue final : ErrorQueue {
  int take(int fd) override {
    struct msghdr hdr;
    memset(&hdr, 0, sizeof(hdr));
    return recvmsg(fd, &hdr, MSG_ERRQUEUE) >= 0;
  }
};

ssize_t send_final(FinalErrorQueue *q, int fd, const void *buf, size_t len) {
  ssize_t sent;
  do {
    sent = send(fd, buf, len, MSG_DONTWAIT);
  } while (sent == -1 && q->take(fd));
  return sent;
}
