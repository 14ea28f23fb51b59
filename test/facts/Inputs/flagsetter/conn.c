// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <stdbool.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

bool tune_socket(int sock);
bool calm_socket(int sock);
bool tune_as(int sock, bool non_block);
bool socket_set_nonblocking(int sock, bool non_block);

void conn_read(int s, char *buf, size_t n) {
  if (!tune_socket(s))
    return;
  if (read(s, buf, n) <= 0)
    close(s);
}

// Look-alikes: the constant flag says blocking; a flag handed on at run
// time says nothing the facts can name.
void calm_read(int s, char *buf, size_t n) {
  if (!calm_socket(s))
    return;
  if (read(s, buf, n) <= 0)
    close(s);
}

void as_read(int s, char *buf, size_t n) {
  if (!tune_as(s, true))
    return;
  if (read(s, buf, n) <= 0)
    close(s);
}

// The library's mode call by a name the built-in list knows: with the
// facts, its flag decides (blocking again here: quiet) ...
void calm_local_read(char *buf, size_t n) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  socket_set_nonblocking(s, false);
  if (read(s, buf, n) <= 0)
    close(s);
}

// ... and its twin made non-blocking by it: reported with the facts.
void tuned_local_read(char *buf, size_t n) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  socket_set_nonblocking(s, true);
  if (read(s, buf, n) <= 0)
    close(s);
}
