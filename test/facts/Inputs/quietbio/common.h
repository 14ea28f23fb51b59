// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <mbedtls/ssl.h>
#include <stddef.h>
#include <stdint.h>

struct feed {
  const unsigned char *data;
  size_t size, at;
};

int buffer_send(void *ctx, const unsigned char *buf, size_t len);
int buffer_recv(void *ctx, unsigned char *buf, size_t len);
int buffer_recv_timeout(void *ctx, unsigned char *buf, size_t len,
                        uint32_t timeout);
int flaky_recv(void *ctx, unsigned char *buf, size_t len);
int shared_name_recv(void *ctx, unsigned char *buf, size_t len);
