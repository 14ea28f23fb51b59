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

// Waits too, but no other file calls it: the merged facts leave it out
// (a file asks the facts only about the other files' functions it calls).
void settle_twice(int attempt) {
  settle(attempt);
  settle(attempt);
}
