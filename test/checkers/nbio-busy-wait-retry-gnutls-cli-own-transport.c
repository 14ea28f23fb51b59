// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// Reduced from gnutls28 3.7.9 (src/socket.c, the socket layer of gnutls-cli
// and danetool): when a trace is asked for, the session runs over the
// program's own push and pull functions, which send() and recv() on the
// plain socket socket_open2() made, and otherwise over that socket itself.
// GNUTLS_E_AGAIN comes back only when a transport function fails with
// EAGAIN, which a blocking send() or recv() never does, so the loop on
// GNUTLS_E_AGAIN is dead code there, not a spin. Own transport functions
// that can say EAGAIN themselves (an errno they set, a failure returned
// without an I/O call, a descriptor not shown blocking, a call the check
// does not know) keep the loop reported. C only: C++ needs a cast from the
// transport pointer, and the fields are followed in C.

#include <gnutls/gnutls.h>
#include <gnutls/socket.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct {
  int fd;
  gnutls_session_t session;
  FILE *trace;
} plain_socket;

static ssize_t traced_pull(gnutls_transport_ptr_t ptr, void *data,
                           size_t len) {
  plain_socket *hd = ptr;
  ssize_t got = recv(hd->fd, data, len, 0);
  if (got > 0 && hd->trace)
    fwrite(data, 1, (size_t)got, hd->trace);
  return got;
}

static ssize_t traced_push(gnutls_transport_ptr_t ptr, const void *data,
                           size_t len) {
  plain_socket *hd = ptr;
  if (hd->trace)
    fwrite(data, 1, len, hd->trace);
  return send(hd->fd, data, len, 0);
}

static int traced_wait(gnutls_transport_ptr_t ptr, unsigned int ms) {
  plain_socket *hd = ptr;
  return gnutls_system_recv_timeout((gnutls_transport_ptr_t)(long)hd->fd, ms);
}

void plain_open(plain_socket *hd, int traced) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  if (traced) {
    gnutls_transport_set_push_function(hd->session, traced_push);
    gnutls_transport_set_pull_function(hd->session, traced_pull);
    gnutls_transport_set_pull_timeout_function(hd->session, traced_wait);
    gnutls_transport_set_ptr(hd->session, hd);
  } else {
    gnutls_transport_set_int(hd->session, hd->fd);
  }
}

void plain_close(plain_socket *hd) {
  close(hd->fd);
  hd->fd = -1;
}

// Quiet: both transports wait in the blocking socket.
int plain_send(plain_socket *hd, const char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_send(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED);
  return ret;
}

// The same shape on a socket made with SOCK_NONBLOCK: the own transport's
// recv() fails with EAGAIN and the loop spins.
typedef struct {
  int fd;
  gnutls_session_t session;
} fast_socket;

static ssize_t fast_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  fast_socket *hd = ptr;
  return recv(hd->fd, data, len, 0);
}

static ssize_t fast_push(gnutls_transport_ptr_t ptr, const void *data,
                         size_t len) {
  fast_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

void fast_open(fast_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, fast_push);
  gnutls_transport_set_pull_function(hd->session, fast_pull);
  gnutls_transport_set_ptr(hd->session, hd);
}

int fast_send(fast_socket *hd, const char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_send(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_send' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// A memory transport whose pull says EAGAIN itself when it has nothing:
// reported (the session's descriptor, if any, is not what waits).
typedef struct {
  int fd;
  gnutls_session_t session;
  char buf[512];
  size_t used;
} memory_pipe;

static ssize_t memory_pull(gnutls_transport_ptr_t ptr, void *data,
                           size_t len) {
  memory_pipe *m = ptr;
  if (m->used == 0) {
    errno = EAGAIN;
    return -1;
  }
  if (len > m->used)
    len = m->used;
  memcpy(data, m->buf, len);
  m->used -= len;
  return (ssize_t)len;
}

static ssize_t memory_push(gnutls_transport_ptr_t ptr, const void *data,
                           size_t len) {
  memory_pipe *m = ptr;
  return send(m->fd, data, len, 0);
}

void memory_open(memory_pipe *m) {
  m->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&m->session, GNUTLS_SERVER);
  gnutls_transport_set_push_function(m->session, memory_push);
  gnutls_transport_set_pull_function(m->session, memory_pull);
  gnutls_transport_set_ptr(m->session, m);
}

int memory_handshake(memory_pipe *m) {
  int ret;
  do
    ret = gnutls_handshake(m->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'm->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// A pull that returns -1 with no I/O behind it hands GnuTLS a stale errno:
// reported.
typedef struct {
  int fd;
  int open;
  gnutls_session_t session;
} stale_socket;

static ssize_t stale_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  stale_socket *hd = ptr;
  if (!hd->open)
    return -1;
  return recv(hd->fd, data, len, 0);
}

static ssize_t stale_push(gnutls_transport_ptr_t ptr, const void *data,
                          size_t len) {
  stale_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

void stale_open(stale_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, stale_push);
  gnutls_transport_set_pull_function(hd->session, stale_pull);
  gnutls_transport_set_ptr(hd->session, hd);
}

int stale_recv(stale_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// Only the push function is the program's: the system's pull runs over the
// pointer as if it were a descriptor, which the check does not judge.
typedef struct {
  int fd;
  gnutls_session_t session;
} half_socket;

static ssize_t half_push(gnutls_transport_ptr_t ptr, const void *data,
                         size_t len) {
  half_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

void half_open(half_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, half_push);
  gnutls_transport_set_ptr(hd->session, hd);
}

int half_send(half_socket *hd, const char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_send(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_send' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// A transport that hands its I/O to a function of the program's own, which
// the check does not follow: reported.
typedef struct {
  int fd;
  gnutls_session_t session;
} relay_socket;

ssize_t relay_read(int fd, void *data, size_t len);

static ssize_t relay_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  relay_socket *hd = ptr;
  return relay_read(hd->fd, data, len);
}

static ssize_t relay_push(gnutls_transport_ptr_t ptr, const void *data,
                          size_t len) {
  relay_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

void relay_open(relay_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, relay_push);
  gnutls_transport_set_pull_function(hd->session, relay_pull);
  gnutls_transport_set_ptr(hd->session, hd);
}

int relay_recv(relay_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// A pull that asks for MSG_DONTWAIT on the blocking socket fails with EAGAIN
// when nothing is queued: reported.
typedef struct {
  int fd;
  gnutls_session_t session;
} peek_socket;

static ssize_t peek_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  peek_socket *hd = ptr;
  return recv(hd->fd, data, len, MSG_DONTWAIT);
}

static ssize_t peek_push(gnutls_transport_ptr_t ptr, const void *data,
                         size_t len) {
  peek_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

void peek_open(peek_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, peek_push);
  gnutls_transport_set_pull_function(hd->session, peek_pull);
  gnutls_transport_set_ptr(hd->session, hd);
}

int peek_recv(peek_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// The same own functions on a session bound with gnutls_transport_set_int to
// its blocking socket: the functions still decide, and are reported.
typedef struct {
  int fd;
  gnutls_session_t session;
} mixed_socket;

static ssize_t mixed_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  return recv((int)(long)ptr, data, len, MSG_DONTWAIT);
}

static ssize_t mixed_push(gnutls_transport_ptr_t ptr, const void *data,
                          size_t len) {
  return send((int)(long)ptr, data, len, 0);
}

void mixed_open(mixed_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, mixed_push);
  gnutls_transport_set_pull_function(hd->session, mixed_pull);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int mixed_recv(mixed_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// A failure returned through a variable, with no I/O behind it: reported,
// as `return -1` is.
typedef struct {
  int fd;
  int open;
  gnutls_session_t session;
} held_socket;

static ssize_t held_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  held_socket *hd = ptr;
  ssize_t failed = -1;
  if (!hd->open)
    return failed;
  return recv(hd->fd, data, len, 0);
}

static ssize_t held_push(gnutls_transport_ptr_t ptr, const void *data,
                         size_t len) {
  held_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

void held_open(held_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, held_push);
  gnutls_transport_set_pull_function(hd->session, held_pull);
  gnutls_transport_set_ptr(hd->session, hd);
}

int held_recv(held_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// Sessions bound to a blocking socket on one way and to a non-blocking one
// on another: TCP Fast Open's transport, the second descriptor of
// gnutls_transport_set_int2. Reported.
typedef struct {
  int fd, quick_fd;
  gnutls_session_t session;
} split_socket;

void split_open(split_socket *hd, const struct sockaddr *to, socklen_t tolen,
                int fast) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  hd->quick_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  if (fast == 1)
    gnutls_transport_set_fastopen(hd->session, hd->quick_fd,
                                  (struct sockaddr *)to, tolen, 0);
  else if (fast == 2)
    gnutls_transport_set_int2(hd->session, hd->fd, hd->quick_fd);
  else
    gnutls_transport_set_int(hd->session, hd->fd);
}

int split_send(split_socket *hd, const char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_send(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_send' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_record_send(hd->session, buf, len); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

// A DTLS session made with GNUTLS_NONBLOCK does not wait for its own
// timeouts, whatever its socket: reported.
typedef struct {
  int fd;
  gnutls_session_t session;
} dtls_socket;

void dtls_open(dtls_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT | GNUTLS_DATAGRAM | GNUTLS_NONBLOCK);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int dtls_handshake(dtls_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

// The same with flags known only at run time, which may hold it.
typedef struct {
  int fd;
  gnutls_session_t session;
} dtls_flex;

void dtls_flex_open(dtls_flex *hd, unsigned int flags) {
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int dtls_flex_handshake(dtls_flex *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

// Flags a function builds from its own constants, never naming
// GNUTLS_NONBLOCK (gnutls-serv's initialize_session): the session waits in
// its blocking socket, quiet. Its twin adds GNUTLS_NONBLOCK on one path and
// is reported.
typedef struct {
  int fd;
  gnutls_session_t session;
} built_socket;

void built_open(built_socket *hd, int dtls) {
  unsigned int flags = GNUTLS_SERVER;
  if (dtls)
    flags |= GNUTLS_DATAGRAM;
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int built_handshake(built_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  return ret;
}

typedef struct {
  int fd;
  gnutls_session_t session;
} chosen_socket;

void chosen_open(chosen_socket *hd, int quick) {
  unsigned int flags = GNUTLS_CLIENT | GNUTLS_DATAGRAM;
  if (quick)
    flags |= GNUTLS_NONBLOCK;
  hd->fd = socket(AF_INET, SOCK_DGRAM, 0);
  gnutls_init(&hd->session, flags);
  gnutls_transport_set_int(hd->session, hd->fd);
}

int chosen_handshake(chosen_socket *hd) {
  int ret;
  do
    ret = gnutls_handshake(hd->session);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_handshake' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-FIXES: {{^}}    { ret = gnutls_handshake(hd->session); if (ret == GNUTLS_E_AGAIN) { struct pollfd wait_pfd = {gnutls_transport_get_int(hd->session), !gnutls_record_get_direction(hd->session) ? POLLIN : POLLOUT, 0}; (void)poll(&wait_pfd, 1, -1); } }{{$}}
  return ret;
}

// Flags computed at run time may hold MSG_DONTWAIT: reported.
typedef struct {
  int fd;
  int flags;
  gnutls_session_t session;
} flagged_socket;

static ssize_t flagged_pull(gnutls_transport_ptr_t ptr, void *data,
                            size_t len) {
  flagged_socket *hd = ptr;
  return recv(hd->fd, data, len, hd->flags);
}

static ssize_t flagged_push(gnutls_transport_ptr_t ptr, const void *data,
                            size_t len) {
  flagged_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

void flagged_open(flagged_socket *hd, int quick) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  hd->flags = quick ? MSG_DONTWAIT : 0;
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, flagged_push);
  gnutls_transport_set_pull_function(hd->session, flagged_pull);
  gnutls_transport_set_ptr(hd->session, hd);
}

int flagged_recv(flagged_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}

// An unsigned local may still hand GnuTLS -1 once converted back: a
// failure of the function's own, reported.
typedef struct {
  int fd;
  int open;
  gnutls_session_t session;
} sized_socket;

static ssize_t sized_pull(gnutls_transport_ptr_t ptr, void *data, size_t len) {
  sized_socket *hd = ptr;
  size_t failed = (size_t)-1;
  if (!hd->open)
    return (ssize_t)failed;
  return recv(hd->fd, data, len, 0);
}

static ssize_t sized_push(gnutls_transport_ptr_t ptr, const void *data,
                          size_t len) {
  sized_socket *hd = ptr;
  return send(hd->fd, data, len, 0);
}

void sized_open(sized_socket *hd) {
  hd->fd = socket(AF_INET, SOCK_STREAM, 0);
  gnutls_init(&hd->session, GNUTLS_CLIENT);
  gnutls_transport_set_push_function(hd->session, sized_push);
  gnutls_transport_set_pull_function(hd->session, sized_pull);
  gnutls_transport_set_ptr(hd->session, hd);
}

int sized_recv(sized_socket *hd, char *buf, size_t len) {
  int ret;
  do
    ret = gnutls_record_recv(hd->session, buf, len);
  while (ret == GNUTLS_E_AGAIN);
  // CHECK-MESSAGES: :[[@LINE-2]]:11: warning: 'gnutls_record_recv' on the socket of 'hd->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: the call is retried from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: no fix-it: the session does its I/O through the program's own transport functions; wait for the descriptor they use before the retry
  return ret;
}
