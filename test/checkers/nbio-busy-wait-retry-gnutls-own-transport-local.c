// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// A GnuTLS session given the program's own transport functions while it is
// held in a local, and stored in a struct field afterwards: the retry on
// the field's session spins (the functions run over a SOCK_NONBLOCK socket)
// and is reported, but with no fix-it, since gnutls_transport_get_int()
// would give the program's pointer. A session given its own functions on
// a local may be any session of the file, so no GnuTLS retry of the file
// gets that fix-it.

#include <gnutls/gnutls.h>
#include <sys/socket.h>

typedef struct {
  int fd;
  gnutls_session_t session;
} link_state;

static ssize_t link_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  link_state *l = ptr;
  return recv(l->fd, data, len, 0);
}

static ssize_t link_push(gnutls_transport_ptr_t ptr, const void *data,
                         size_t len) {
  link_state *l = ptr;
  return send(l->fd, data, len, 0);
}

void link_open(link_state *l) {
  gnutls_session_t s;
  l->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, link_push);
  gnutls_transport_set_pull_function(s, link_pull);
  gnutls_transport_set_ptr(s, l);
  l->session = s;
}

int link_send(link_state *l, const char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_send(l->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_send' on the socket of 'l->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}
