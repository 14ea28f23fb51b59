// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// gnutls_init() flags kept in a class's static member are not taken for
// the file's own constants (nbio-busy-wait-retry-gnutls-static-flags.c):
// `this->flags` and `obj.flags` name the member too, so an option parser
// may OR GNUTLS_NONBLOCK in unseen. Reported. Its twin, a `static`
// variable of the file set only from constants, is quiet.

#include <gnutls/gnutls.h>
#include <poll.h>
#include <sys/socket.h>

namespace {
struct Options {
  static unsigned int init_flags;
  void parse(bool quick) {
    if (quick)
      this->init_flags |= GNUTLS_NONBLOCK;
  }
};
unsigned int Options::init_flags = GNUTLS_CLIENT | GNUTLS_DATAGRAM;

static unsigned int file_flags = GNUTLS_CLIENT | GNUTLS_DATAGRAM;
} // namespace

struct Peer {
  int fd;
  gnutls_session_t session;
};

int member_handshake(Peer *hd) {
  int ret;
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, Options::init_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), static_cast<short>(!gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT), 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

struct Client {
  int fd;
  gnutls_session_t session;
};

int file_handshake(Client *hd) {
  int ret;
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, file_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  return ret;
}
