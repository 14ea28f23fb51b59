// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %clang_tidy --load=%plugin -checks='-*,debug-nbio-analysis' %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'

// A function that stores a new descriptor in its parameter and then makes
// that one non-blocking (bitlbee's SOCKS5 handshake opens its own socket
// when called with -1) is no setter of its caller's descriptor. Twin: the
// parameter made non-blocking before anything is stored in it.

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

static void handshake(int fd) {
  if (fd == -1) {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    fcntl(fd, F_SETFL, O_NONBLOCK);
  }
  (void)fd;
}

static void tune_then_forget(int fd) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  fd = -1;
  (void)fd;
}

int reuse(int s, char *b) {
  handshake(s);
  return read(s, b, 4);
  // CHECK: setter-after-reassign.c:[[@LINE-1]]:10: warning: 'read' on 's': not known non-blocking
}

int tuned(int s, char *b) {
  tune_then_forget(s);
  return read(s, b, 4);
  // CHECK: setter-after-reassign.c:[[@LINE-1]]:10: warning: 'read' on 's': non-blocking
}
