// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include <gnutls/gnutls.h>

// A C++ holder given its session by its constructor.
struct tls_link {
  gnutls_session_t session;
  explicit tls_link(gnutls_session_t s) : session(s) {}
};

tls_link *make_link(gnutls_session_t s) { return new tls_link(s); }
