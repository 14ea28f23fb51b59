// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <gnutls/gnutls.h>

struct tls_conn {
  gnutls_session_t session;
};

// One struct per variant: a session field some file binds to a
// non-blocking descriptor is not blocking in any file (the facts'
// mixed_sessions), and each variant's retry is judged on its own here.
struct tls_conn_leaky {
  gnutls_session_t session;
};

struct tls_conn_timed {
  gnutls_session_t session;
};

int wait_ready(int fd, int for_write);
int tls_open(int fd, struct tls_conn *c);
int tls_open_leaky(int fd, struct tls_conn_leaky *c);
int tls_open_timed(int fd, struct tls_conn_timed *c);
