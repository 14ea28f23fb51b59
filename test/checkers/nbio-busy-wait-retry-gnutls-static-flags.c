// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// gnutls_init()'s flags kept in a `static` variable of the file (reduced
// from gnutls-cli, src/cli.c: `static unsigned int init_flags = GNUTLS_CLIENT
// | ...;`, to which the option parser ORs GNUTLS_NO_EXTENSIONS and other
// constants). When its initializer and every store of the file give it
// constants that do not name GNUTLS_NONBLOCK, and nothing else writes it or
// takes its address, the session is not made non-blocking: over a blocking
// socket its GNUTLS_E_AGAIN retry cannot spin, quiet. So is a function's
// `static` local kept the same way. Twins, reported: a store that ORs
// GNUTLS_NONBLOCK in, a store of a value known only at run time, a variable
// whose address is handed out, and a variable other files can write.

#include <gnutls/gnutls.h>
#include <poll.h>
#include <sys/socket.h>

static unsigned int init_flags = GNUTLS_CLIENT;

void parse_options(int no_ext, int post_auth) {
  if (no_ext)
    init_flags |= GNUTLS_NO_EXTENSIONS;
  if (post_auth)
    init_flags |= GNUTLS_POST_HANDSHAKE_AUTH;
}

typedef struct {
  int fd;
  gnutls_session_t session;
} cli_socket;

void cli_open(cli_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, init_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int cli_handshake(cli_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED);
  return ret;
}

// A function's static local, set once from constants: quiet.
typedef struct {
  int fd;
  gnutls_session_t session;
} once_socket;

void once_open(once_socket *hd, int dtls) {
  static unsigned int flags = GNUTLS_CLIENT;
  if (dtls)
    flags = GNUTLS_CLIENT | GNUTLS_DATAGRAM;
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int once_handshake(once_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  return ret;
}

// Twin: the option parser may OR GNUTLS_NONBLOCK in.
static unsigned int quick_flags = GNUTLS_CLIENT | GNUTLS_DATAGRAM;

void parse_quick(int quick) {
  if (quick)
    quick_flags |= GNUTLS_NONBLOCK;
}

typedef struct {
  int fd;
  gnutls_session_t session;
} quick_socket;

void quick_open(quick_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, quick_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int quick_handshake(quick_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

// Twin: a store of the caller's flags, which may hold it.
static unsigned int user_flags = GNUTLS_CLIENT;

void set_user_flags(unsigned int flags) { user_flags = flags; }

typedef struct {
  int fd;
  gnutls_session_t session;
} user_socket;

void user_open(user_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, user_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int user_handshake(user_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

// Twin: its address is handed to a function that may write anything.
static unsigned int parsed_flags = GNUTLS_CLIENT;

void parse_flag_word(const char *word, unsigned int *flags);

void parse_all(const char *word) { parse_flag_word(word, &parsed_flags); }

typedef struct {
  int fd;
  gnutls_session_t session;
} parsed_socket;

void parsed_open(parsed_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, parsed_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int parsed_handshake(parsed_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

// Twin: a global other files can write (not `static`).
unsigned int shared_flags = GNUTLS_CLIENT;

typedef struct {
  int fd;
  gnutls_session_t session;
} shared_socket;

void shared_open(shared_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, shared_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int shared_handshake(shared_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

// Twins: constants that hold GNUTLS_NONBLOCK's bit without naming it (a
// bare 8, a constant of the file set to it), and a store that may make any
// bit (`<<=`).
static const unsigned int quick_bit = GNUTLS_NONBLOCK;
static unsigned int bare_flags = GNUTLS_CLIENT | GNUTLS_DATAGRAM;
static unsigned int alias_flags = GNUTLS_CLIENT | GNUTLS_DATAGRAM;
static unsigned int shifted_flags = GNUTLS_DATAGRAM;

void parse_bits(int quick) {
  if (quick) {
    bare_flags |= 8;
    alias_flags |= quick_bit;
    shifted_flags <<= 1;
  }
}

typedef struct {
  int fd;
  gnutls_session_t session;
} bare_socket;

int bare_handshake(bare_socket *hd) {
  int ret;
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, bare_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

typedef struct {
  int fd;
  gnutls_session_t session;
} alias_socket;

int alias_handshake(alias_socket *hd) {
  int ret;
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, alias_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

typedef struct {
  int fd;
  gnutls_session_t session;
} shifted_socket;

int shifted_handshake(shifted_socket *hd) {
  int ret;
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, shifted_flags);
  gnutls_transport_set_int(hd->session, hd->fd);
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}
