// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// A GnuTLS session whose own transport functions wait (recv and send on its
// blocking socket) is quiet (nbio-busy-wait-retry-gnutls-own-transport-
// helper-waits.c). Here one function of the file copies the session into a
// local and gives the copy a pull of its own that says EAGAIN: a local may
// hold any session, so the retry is reported. It names the session through
// a helper's parameter, and gets no fix-it: gnutls_transport_get_int()
// would give the program's pointer.

#include <gnutls/gnutls.h>
#include <errno.h>
#include <sys/socket.h>

typedef struct {
  int fd;
  gnutls_session_t session;
} alias_socket;

static ssize_t alias_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  alias_socket *hd = ptr;
  return recv(hd->fd, data, len, 0);
}

static ssize_t alias_push(gnutls_transport_ptr_t ptr, const void *data,
                          size_t len) {
  alias_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

static ssize_t replay_pull(gnutls_transport_ptr_t ptr, void *data,
                           size_t len) {
  (void)ptr;
  (void)data;
  (void)len;
  errno = EAGAIN;
  return -1;
}

void alias_open(alias_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, alias_push);
  gnutls_transport_set_pull_function(hd->session, alias_pull);
  gnutls_transport_set_ptr(hd->session, hd);
}

void alias_replay(alias_socket *hd) {
  gnutls_session_t s = hd->session;
  gnutls_transport_set_pull_function(s, replay_pull);
}

static int read_all(gnutls_session_t s, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(s, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

int alias_recv(alias_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret + read_all(hd->session, buf, len);
}
