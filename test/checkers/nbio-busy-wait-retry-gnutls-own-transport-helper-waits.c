// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// Twin of nbio-busy-wait-retry-gnutls-own-transport-helper.c: the file's
// helper sets, on whatever session it is given, a pull function that only
// receives on the blocking socket, so every transport function the session
// may get waits, and the retry is quiet.

#include <gnutls/gnutls.h>
#include <sys/socket.h>

typedef struct {
  int fd;
  gnutls_session_t session;
} spare_socket;

static ssize_t spare_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  spare_socket *hd = ptr;
  return recv(hd->fd, data, len, 0);
}

static ssize_t spare_push(gnutls_transport_ptr_t ptr, const void *data,
                          size_t len) {
  spare_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

static void use_spare_pull(gnutls_session_t s) {
  gnutls_transport_set_pull_function(s, spare_pull);
}

void spare_open(spare_socket *hd, int again) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, spare_push);
  gnutls_transport_set_pull_function(hd->session, spare_pull);
  gnutls_transport_set_ptr(hd->session, hd);
  if (again)
    use_spare_pull(hd->session);
}

int spare_recv(spare_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  return ret;
}
