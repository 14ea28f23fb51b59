// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#ifndef TLSTRANSPORT_CONN_H
#define TLSTRANSPORT_CONN_H
#include <gnutls/gnutls.h>

typedef struct {
  int fd;
  gnutls_session_t session;
} plain_conn;

typedef struct {
  int fd;
  gnutls_session_t session;
} quick_conn;

void plain_open(plain_conn *c);
void quick_open(quick_conn *c);
int plain_send(plain_conn *c, const char *buf, size_t len);
int quick_send(quick_conn *c, const char *buf, size_t len);
#endif
