// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// GnuTLS's own programs (its benchmark, gnutls-cli) include the library's
// headers from the source tree, not from a system directory: a `gnutls_`
// function that the file only declares is still the library's, and an
// in-memory transport over such declarations is not reported (the C
// library's `memcpy` still comes from <string.h>). Twin still reported: a
// `gnutls_` namesake that the file itself defines, which may do anything.

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

// What lib/includes/gnutls/gnutls.h declares, in the project's own tree.
typedef struct gnutls_session_int *gnutls_session_t;
typedef void *gnutls_transport_ptr_t;
typedef ssize_t (*gnutls_push_func)(gnutls_transport_ptr_t, const void *,
                                    size_t);
typedef ssize_t (*gnutls_pull_func)(gnutls_transport_ptr_t, void *, size_t);
#define GNUTLS_E_AGAIN -28
#define GNUTLS_CLIENT (1 << 1)
int gnutls_init(gnutls_session_t *session, unsigned int flags);
void gnutls_transport_set_push_function(gnutls_session_t session,
                                        gnutls_push_func push_func);
void gnutls_transport_set_pull_function(gnutls_session_t session,
                                        gnutls_pull_func pull_func);
void gnutls_transport_set_ptr(gnutls_session_t session,
                              gnutls_transport_ptr_t ptr);
ssize_t gnutls_record_send(gnutls_session_t session, const void *data,
                           size_t data_size);
void gnutls_transport_set_errno(gnutls_session_t session, int err);

static char queue[256];
static size_t queued;

static ssize_t queue_push(gnutls_transport_ptr_t tr, const void *data,
                          size_t len) {
  (void)tr;
  if (len > sizeof queue - queued)
    len = sizeof queue - queued;
  memcpy(queue + queued, data, len);
  queued += len;
  return (ssize_t)len;
}

static ssize_t queue_pull(gnutls_transport_ptr_t tr, void *data, size_t len) {
  (void)data;
  (void)len;
  gnutls_transport_set_errno((gnutls_session_t)tr, EAGAIN);
  return -1;
}

int queue_send(void) {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, queue_push);
  gnutls_transport_set_pull_function(s, queue_pull);
  gnutls_transport_set_ptr(s, (gnutls_transport_ptr_t)s);
  do
    r = (int)gnutls_record_send(s, "x", 1);
  while (r == GNUTLS_E_AGAIN);
  return r;
}

// Twin: a `gnutls_` namesake defined here, which receives from a socket.
static int peer_fd = -1;
ssize_t gnutls_take_queued(void *data, size_t len) {
  return recv(peer_fd, data, len, 0);
}

static ssize_t socket_pull(gnutls_transport_ptr_t tr, void *data, size_t len) {
  (void)tr;
  return gnutls_take_queued(data, len);
}

int socket_send(void) {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, queue_push);
  gnutls_transport_set_pull_function(s, socket_pull);
  do
    r = (int)gnutls_record_send(s, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'gnutls_record_send' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:14: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}
