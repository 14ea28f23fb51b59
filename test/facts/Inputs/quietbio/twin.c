// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Another program of the same project, with its own function of the
// same name, which does say "want read".
#include "common.h"

int shared_name_recv(void *ctx, unsigned char *buf, size_t len) {
  (void)ctx;
  (void)buf;
  (void)len;
  return MBEDTLS_ERR_SSL_WANT_READ;
}
