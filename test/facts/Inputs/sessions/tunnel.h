// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <openssl/ssl.h>

struct tunnel {
  int fd;
  SSL *ssl;
};

struct plain {
  int fd;
  SSL *ssl;
};

void tunnel_start(struct tunnel *t, SSL_CTX *ctx);
void plain_start(struct plain *p, SSL_CTX *ctx);
void drop(void *);
