// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %clang_tidy --load=%plugin -checks='-*,debug-nbio-analysis' %s -- 2>&1 | FileCheck %s --implicit-check-not='warning:'

// Linux defines EFD_NONBLOCK, TFD_NONBLOCK, SFD_NONBLOCK and IN_NONBLOCK
// as O_NONBLOCK, and a program without the call's header (libev declares
// eventfd() itself) passes O_NONBLOCK: the descriptor is non-blocking
// either way. Twins: the call without a flag, and fanotify_init() with
// O_NONBLOCK among its event flags, where FAN_NONBLOCK is a value of its
// own.

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

long eventfd_spelled_o_nonblock(void) {
  uint64_t v;
  int efd = eventfd(0, O_NONBLOCK);
  return read(efd, &v, sizeof v);
  // CHECK: creator-linux-flag-spelled-o-nonblock.c:[[@LINE-1]]:10: warning: 'read' on 'efd': non-blocking; failure path
}

long eventfd_blocking(void) {
  uint64_t v;
  int efd = eventfd(0, 0);
  return read(efd, &v, sizeof v);
  // CHECK: creator-linux-flag-spelled-o-nonblock.c:[[@LINE-1]]:10: warning: 'read' on 'efd': not known non-blocking
}

long timerfd_spelled_o_nonblock(void) {
  uint64_t v;
  int tfd = timerfd_create(CLOCK_MONOTONIC, O_NONBLOCK | TFD_CLOEXEC);
  return read(tfd, &v, sizeof v);
  // CHECK: creator-linux-flag-spelled-o-nonblock.c:[[@LINE-1]]:10: warning: 'read' on 'tfd': non-blocking; failure path
}

long inotify_spelled_o_nonblock(char *b) {
  int ifd = inotify_init1(O_NONBLOCK);
  return read(ifd, b, 64);
  // CHECK: creator-linux-flag-spelled-o-nonblock.c:[[@LINE-1]]:10: warning: 'read' on 'ifd': non-blocking; failure path
}

long fanotify_event_flag(char *b) {
  int nfd = fanotify_init(FAN_CLASS_NOTIF, O_NONBLOCK);
  return read(nfd, b, 64);
  // CHECK: creator-linux-flag-spelled-o-nonblock.c:[[@LINE-1]]:10: warning: 'read' on 'nfd': not known non-blocking
}
