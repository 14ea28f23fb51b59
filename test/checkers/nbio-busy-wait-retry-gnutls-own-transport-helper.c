// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// A GnuTLS session over the program's own transport functions that only
// send and recv on a blocking socket is not reported
// (nbio-busy-wait-retry-gnutls-cli-own-transport.c). A helper of the file
// that sets a transport function on whatever session it is given may have
// been given that one: its function must wait too. Here the helper's pull
// says EAGAIN itself, so the retry is reported, with no fix-it (the
// session's descriptor is the program's pointer). The twin file
// nbio-busy-wait-retry-gnutls-own-transport-helper-waits.c has a helper
// whose pull waits, and stays quiet.

#include <gnutls/gnutls.h>
#include <errno.h>
#include <sys/socket.h>

// A helper that gives whatever session it is handed a memory pull of its
// own, which says EAGAIN: it may be any session of the file, so a session
// whose own functions wait is reported too.
typedef struct {
  int fd;
  gnutls_session_t session;
} swapped_socket;

static ssize_t swapped_pull(gnutls_transport_ptr_t ptr, void *data,
                            size_t len) {
  swapped_socket *hd = ptr;
  return recv(hd->fd, data, len, 0);
}

static ssize_t swapped_push(gnutls_transport_ptr_t ptr, const void *data,
                            size_t len) {
  swapped_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

static ssize_t empty_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  (void)ptr;
  (void)data;
  (void)len;
  errno = EAGAIN;
  return -1;
}

static void use_empty_pull(gnutls_session_t s) {
  gnutls_transport_set_pull_function(s, empty_pull);
}

void swapped_open(swapped_socket *hd, int replay) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, swapped_push);
  gnutls_transport_set_pull_function(hd->session, swapped_pull);
  gnutls_transport_set_ptr(hd->session, hd);
  if (replay)
    use_empty_pull(hd->session);
}

int swapped_recv(swapped_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}
