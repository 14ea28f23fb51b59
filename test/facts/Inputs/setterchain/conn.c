// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <sys/types.h>
#include <unistd.h>

void tune_socket(int s);
void prepare_peer(int s);
void calm_socket(int s);
void tune_maybe(int s, int async);
void tune_fresh(int s);

void conn_read(int s, char *buf, size_t n) {
  tune_socket(s);
  if (read(s, buf, n) <= 0)
    close(s);
}

void peer_read(int s, char *buf, size_t n) {
  prepare_peer(s);
  if (read(s, buf, n) <= 0)
    close(s);
}

// Look-alikes: made blocking again; the flag says blocking (unknown to the
// facts, so nothing is said); the helper tunes a socket of its own.
void calm_read(int s, char *buf, size_t n) {
  tune_socket(s);
  calm_socket(s);
  if (read(s, buf, n) <= 0)
    close(s);
}

void maybe_read(int s, char *buf, size_t n) {
  tune_maybe(s, 0);
  if (read(s, buf, n) <= 0)
    close(s);
}

void fresh_read(int s, char *buf, size_t n) {
  tune_fresh(s);
  if (read(s, buf, n) <= 0)
    close(s);
}

void tune_via_static(int s);

void static_chain_read(int s, char *buf, size_t n) {
  tune_via_static(s);
  if (read(s, buf, n) <= 0)
    close(s);
}
