// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <stdio.h>
#include <time.h>

// Sleeps a little longer at each attempt: a back-off, under a name that
// says nothing about waiting.
void settle(int attempt) {
  struct timespec ts = {0, 1000000L * (attempt + 1)};
  nanosleep(&ts, NULL);
}

// Only counts: no wait.
static int notes;
void note_retry(int attempt) { notes += attempt; }
