// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"

int plain_send(plain_conn *c, const char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_send(c->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  return ret;
}

int quick_send(quick_conn *c, const char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_send(c->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  return ret;
}
