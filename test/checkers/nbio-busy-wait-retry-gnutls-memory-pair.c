// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// A GnuTLS session whose push and pull functions are the program's own and
// only copy bytes between buffers (GnuTLS's benchmark and tests pair a
// client and a server session so, in one thread, and drive them in turn):
// GNUTLS_E_AGAIN then says that the program's own buffer is empty or full.
// No descriptor is behind it, so there is nothing to wait for, and the
// retries are not reported, where the session is held in a local that
// only gnutls_init fills. Twins still reported: a struct field (another
// session may be stored in it), a push function that sends on a socket, a
// session given an own push function but GnuTLS's default pull, an own
// function that calls a helper of the program's, a stdio write (a stream
// may be a socket's), an errno function, a session also given a
// descriptor, a local that may hold another session (assigned, an array's
// element), a local whose session the program's own function is given
// (it may bind it), and a pointer given with gnutls_transport_set_ptr that
// may be a descriptor.

#include <gnutls/gnutls.h>
#include <gnutls/socket.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <stdio.h>

static char to_server[4096], to_client[4096];
static size_t to_server_len, to_client_len;

static ssize_t pair_push(gnutls_transport_ptr_t tr, const void *data,
                         size_t len) {
  (void)tr;
  if (len > sizeof to_server - to_server_len)
    len = sizeof to_server - to_server_len;
  memcpy(to_server + to_server_len, data, len);
  to_server_len += len;
  return (ssize_t)len;
}

static ssize_t pair_pull(gnutls_transport_ptr_t tr, void *data, size_t len) {
  if (to_client_len == 0) {
    gnutls_transport_set_errno((gnutls_session_t)tr, EAGAIN);
    return -1;
  }
  if (len > to_client_len)
    len = to_client_len;
  memcpy(data, to_client, len);
  memmove(to_client, to_client + len, to_client_len - len);
  to_client_len -= len;
  return (ssize_t)len;
}

static ssize_t peer_push(gnutls_transport_ptr_t tr, const void *data,
                         size_t len) {
  (void)tr;
  if (len > sizeof to_client - to_client_len)
    len = sizeof to_client - to_client_len;
  memcpy(to_client + to_client_len, data, len);
  to_client_len += len;
  return (ssize_t)len;
}

static ssize_t peer_pull(gnutls_transport_ptr_t tr, void *data, size_t len) {
  if (to_server_len == 0) {
    gnutls_transport_set_errno((gnutls_session_t)tr, EAGAIN);
    return -1;
  }
  if (len > to_server_len)
    len = to_server_len;
  memcpy(data, to_server, len);
  memmove(to_server, to_server + len, to_server_len - len);
  to_server_len -= len;
  return (ssize_t)len;
}

// The harness's handshake: each round lets the other side answer.
int pair_handshake(void) {
  gnutls_session_t client, server;
  int c = GNUTLS_E_AGAIN, s = GNUTLS_E_AGAIN;
  gnutls_init(&client, GNUTLS_CLIENT);
  gnutls_init(&server, GNUTLS_SERVER);
  gnutls_transport_set_push_function(client, pair_push);
  gnutls_transport_set_pull_function(client, pair_pull);
  gnutls_transport_set_ptr(client, (gnutls_transport_ptr_t)client);
  gnutls_transport_set_push_function(server, peer_push);
  gnutls_transport_set_pull_function(server, peer_pull);
  gnutls_transport_set_ptr(server, (gnutls_transport_ptr_t)server);
  do {
    if (c == GNUTLS_E_AGAIN)
      c = gnutls_handshake(client);
    if (s == GNUTLS_E_AGAIN)
      s = gnutls_handshake(server);
  } while (c == GNUTLS_E_AGAIN || s == GNUTLS_E_AGAIN);
  do
    c = gnutls_record_send(client, "ping", 4);
  while (c == GNUTLS_E_AGAIN);
  return c;
}

struct peer {
  int fd;
  gnutls_session_t session;
};

// Twin: the same functions given to a struct field's session, where any
// session may have been stored.
int peer_send(struct peer *p) {
  int r;
  gnutls_transport_set_push_function(p->session, pair_push);
  gnutls_transport_set_pull_function(p->session, pair_pull);
  do
    r = gnutls_record_send(p->session, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 'p->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: the pointer given may be a descriptor cast to one, which GnuTLS's
// default functions would use where the program's are not set.
int maybe_fd_send(int fd, int in_memory) {
  gnutls_session_t s;
  void *p = (void *)(long)fd;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  if (in_memory) {
    gnutls_transport_set_push_function(s, pair_push);
    gnutls_transport_set_pull_function(s, pair_pull);
  } else {
    gnutls_transport_set_ptr(s, p);
  }
  do
    r = gnutls_record_send(s, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: an element of an array of sessions, which may be given another.
int pair_array_send(gnutls_session_t other) {
  gnutls_session_t s[2];
  int r;
  gnutls_init(&s[0], GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s[0], pair_push);
  gnutls_transport_set_pull_function(s[0], pair_pull);
  s[0] = other;
  do
    r = gnutls_record_send(s[0], "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 's[0]' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: the push function sends on a socket.
static ssize_t socket_push(gnutls_transport_ptr_t tr, const void *data,
                           size_t len) {
  return send(((struct peer *)tr)->fd, data, len, 0);
}

struct link {
  gnutls_session_t session;
};

int link_send(struct link *l) {
  int r;
  gnutls_transport_set_push_function(l->session, socket_push);
  gnutls_transport_set_pull_function(l->session, pair_pull);
  do
    r = gnutls_record_send(l->session, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 'l->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: only the push function is the program's; GnuTLS pulls from the
// descriptor it was given.
struct half {
  gnutls_session_t session;
};

int half_recv(struct half *h, char *buf) {
  int r;
  gnutls_transport_set_push_function(h->session, pair_push);
  do
    r = (int)gnutls_record_recv(h->session, buf, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'gnutls_record_recv' on the socket of 'h->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:14: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: the pull function calls a helper of the program's, which may read.
ssize_t fill_from_somewhere(void *data, size_t len);
static ssize_t helper_pull(gnutls_transport_ptr_t tr, void *data, size_t len) {
  (void)tr;
  return fill_from_somewhere(data, len);
}

struct relay {
  gnutls_session_t session;
};

int relay_recv(struct relay *r, char *buf) {
  int n;
  gnutls_transport_set_push_function(r->session, pair_push);
  gnutls_transport_set_pull_function(r->session, helper_pull);
  do
    n = (int)gnutls_record_recv(r->session, buf, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'gnutls_record_recv' on the socket of 'r->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  while (n == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:14: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return n;
}

// Twin: a push function that writes to a stream, which may be a socket's.
static ssize_t stream_push(gnutls_transport_ptr_t tr, const void *data,
                           size_t len) {
  return (ssize_t)fwrite(data, 1, len, (FILE *)tr);
}

struct piped {
  gnutls_session_t session;
};

int piped_send(struct piped *p) {
  int r;
  gnutls_transport_set_push_function(p->session, stream_push);
  gnutls_transport_set_pull_function(p->session, pair_pull);
  do
    r = gnutls_record_send(p->session, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 'p->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: an errno function of the program's may say EAGAIN for anything.
static int any_errno(gnutls_transport_ptr_t tr) {
  (void)tr;
  return EAGAIN;
}

struct told {
  gnutls_session_t session;
};

int told_send(struct told *t) {
  int r;
  gnutls_transport_set_push_function(t->session, pair_push);
  gnutls_transport_set_pull_function(t->session, pair_pull);
  gnutls_transport_set_errno_function(t->session, any_errno);
  do
    r = gnutls_record_send(t->session, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 't->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: a session given in-memory functions and a descriptor too
// (gnutls_transport_set_fastopen installs a push function of GnuTLS's).
struct fast {
  int fd;
  gnutls_session_t session;
};

int fast_send(struct fast *f, const struct sockaddr *sa, socklen_t n) {
  int r;
  gnutls_transport_set_push_function(f->session, pair_push);
  gnutls_transport_set_pull_function(f->session, pair_pull);
  gnutls_transport_set_fastopen(f->session, f->fd, (struct sockaddr *)sa, n,
                                0);
  do
    r = gnutls_record_send(f->session, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 'f->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: a local given in-memory functions, then another session's value.
int swapped_send(gnutls_session_t other) {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, pair_push);
  gnutls_transport_set_pull_function(s, pair_pull);
  s = other;
  do
    r = gnutls_record_send(s, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: the session is given to a function of the program's, which may
// bind it to a descriptor.
void attach_socket(gnutls_session_t s);
int attached_send(void) {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, pair_push);
  gnutls_transport_set_pull_function(s, pair_pull);
  attach_socket(s);
  do
    r = gnutls_record_send(s, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}
