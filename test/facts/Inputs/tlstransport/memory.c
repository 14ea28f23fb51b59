// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"
#include <errno.h>

// Replaces the field's pull function with one that says EAGAIN itself.
static ssize_t empty_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  (void)ptr;
  (void)data;
  (void)len;
  errno = EAGAIN;
  return -1;
}

void plain_replay(plain_conn *c) {
  gnutls_transport_set_pull_function(c->session, empty_pull);
}
