/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
#include "dialers/dialers.h"

#include <arpa/inet.h>
#include <string.h>

int main(void) {
  struct sockaddr_in sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons(9);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int a = dial_a(&sa), b = dial_b(&sa), c = dialers_open(&sa);
  return (a >= 0) + (b >= 0) + (c >= 0);
}
