// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The fuzz programs' shared file: functions that feed a session from
// memory and never say "want".
#include "common.h"
#include <limits.h>
#include <string.h>

int buffer_send(void *ctx, const unsigned char *buf, size_t len) {
  (void)ctx;
  (void)buf;
  return len > INT_MAX ? -1 : (int)len;
}

int buffer_recv(void *ctx, unsigned char *buf, size_t len) {
  struct feed *f = (struct feed *)ctx;
  if (f->at == f->size)
    return 0;
  if (len > f->size - f->at)
    len = f->size - f->at;
  memcpy(buf, f->data + f->at, len);
  f->at += len;
  return (int)len;
}

int buffer_recv_timeout(void *ctx, unsigned char *buf, size_t len,
                        uint32_t timeout) {
  (void)timeout;
  return buffer_recv(ctx, buf, len);
}

// A test double that says "want read" once in a while, on purpose.
int flaky_recv(void *ctx, unsigned char *buf, size_t len) {
  struct feed *f = (struct feed *)ctx;
  if (f->at % 2)
    return MBEDTLS_ERR_SSL_WANT_READ;
  return buffer_recv(ctx, buf, len);
}

// Its namesake in another program (twin.c) says "want read"; this one
// does not.
int shared_name_recv(void *ctx, unsigned char *buf, size_t len) {
  return buffer_recv(ctx, buf, len);
}
