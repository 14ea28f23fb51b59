// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// C++'s own shapes for an in-memory GnuTLS transport (the C ones are in
// nbio-busy-wait-retry-gnutls-memory-pair.c): a local session over
// functions that only copy bytes is not reported. Twins still reported:
// the local written through a reference bound to it, handed to a function
// that takes it by reference, or swapped; and a transport function that
// calls the program's own function named memcpy, which reads a socket.

#include <gnutls/gnutls.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <utility>

static char buf_in[1024];
static size_t buf_in_len;

static ssize_t mem_push(gnutls_transport_ptr_t, const void *data, size_t len) {
  return static_cast<ssize_t>(len);
}

static ssize_t mem_pull(gnutls_transport_ptr_t tr, void *data, size_t len) {
  if (buf_in_len == 0) {
    gnutls_transport_set_errno(static_cast<gnutls_session_t>(tr), EAGAIN);
    return -1;
  }
  if (len > buf_in_len)
    len = buf_in_len;
  memcpy(data, buf_in, len);
  buf_in_len -= len;
  return static_cast<ssize_t>(len);
}

int memory_send() {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, mem_push);
  gnutls_transport_set_pull_function(s, mem_pull);
  gnutls_transport_set_ptr(s, s);
  do
    r = gnutls_record_send(s, "x", 1);
  while (r == GNUTLS_E_AGAIN);
  return r;
}

// Twin: a reference bound to the local gives it another session.
int alias_send(gnutls_session_t other) {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, mem_push);
  gnutls_transport_set_pull_function(s, mem_pull);
  gnutls_session_t &alias = s;
  alias = other;
  do
    r = gnutls_record_send(s, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: handed by reference to a function that may store another.
void adopt(gnutls_session_t &out);
int adopted_send() {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, mem_push);
  gnutls_transport_set_pull_function(s, mem_pull);
  adopt(s);
  do
    r = gnutls_record_send(s, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: swapped with another session.
int swapped_send(gnutls_session_t other) {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, mem_push);
  gnutls_transport_set_pull_function(s, mem_pull);
  std::swap(s, other);
  do
    r = gnutls_record_send(s, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'gnutls_record_send' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:9: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}

// Twin: the program's own memcpy, which receives from a socket.
namespace net {
struct link {
  int fd;
};
} // namespace net
static ssize_t memcpy(net::link *l, void *data, size_t len) {
  return recv(l->fd, data, len, 0);
}
static ssize_t link_pull(gnutls_transport_ptr_t tr, void *data, size_t len) {
  return memcpy(static_cast<net::link *>(tr), data, len);
}

int link_recv(net::link *l, char *out) {
  gnutls_session_t s;
  int r;
  gnutls_init(&s, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(s, mem_push);
  gnutls_transport_set_pull_function(s, link_pull);
  gnutls_transport_set_ptr(s, &l->fd);
  do
    r = static_cast<int>(gnutls_record_recv(s, out, 16));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'gnutls_record_recv' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  while (r == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return r;
}
