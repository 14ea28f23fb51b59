// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress
//
// A static helper connects only for a stream type, and every call of it
// passes SOCK_DGRAM: quiet, as long as nothing else in the file names the
// helper (see nbio-connect-einprogress-libnice-type-param.c). In C the
// analysis finds those names by walking the code itself, the functions'
// bodies and the variables' initializers: a name anywhere in that code,
// however deep (a local pointer, a static local, a statement expression,
// the size of a variable-length array, a _Generic choice), lets the helper
// out, and its connect is reported; so does an array size that runs inside
// a type (a pointer to a variable-length array declared, cast to, or a
// parameter's). A name in a type at file scope, under sizeof, or a call in
// `__typeof__` is never evaluated: still quiet.

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

typedef int open_fn(int, const struct sockaddr *, socklen_t);

static int nb_socket(int family, int type) {
  int fd = socket(family, type, 0);
  if (fd == -1)
    return -1;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

int wait_answer(int fd, int ms) {
  struct pollfd p = {fd, POLLIN, 0};
  return poll(&p, 1, ms);
}

// Named only in a type at file scope and under sizeof: quiet.
static int open_typed(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  return fd;
}
typedef __typeof__(open_typed) open_typed_fn;
extern open_typed_fn *last_opener(__typeof__(&open_typed) hint);

int open_typed_udp(const struct sockaddr *srv, socklen_t len) {
  if (sizeof(&open_typed) != sizeof(void (*)(void)))
    return -1;
  __typeof__(open_typed(SOCK_STREAM, srv, len)) never_called = 0;
  return open_typed(SOCK_DGRAM, srv, len) + never_called;
}

// A local pointer to the helper may be called with any type: reported.
static int open_local(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

int open_local_udp(const struct sockaddr *srv, socklen_t len) {
  open_fn *fp = open_local;
  return fp ? open_local(SOCK_DGRAM, srv, len) : -1;
}

// A static local keeps it past the call: reported.
static int open_kept(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

open_fn *kept_opener(void) {
  static open_fn *keep = open_kept;
  return keep;
}

int open_kept_udp(const struct sockaddr *srv, socklen_t len) {
  return open_kept(SOCK_DGRAM, srv, len);
}

// Stored from inside a statement expression: reported.
static int open_stmt(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

open_fn *stmt_opener;

int open_stmt_udp(const struct sockaddr *srv, socklen_t len) {
  int ok = ({
    stmt_opener = open_stmt;
    1;
  });
  return ok ? open_stmt(SOCK_DGRAM, srv, len) : -1;
}

// Stored while a variable-length array's size is computed: reported.
static int open_vla(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

open_fn *vla_opener;

int open_vla_udp(const struct sockaddr *srv, socklen_t len, int n) {
  char scratch[(vla_opener = open_vla) ? n + 1 : 1];
  scratch[0] = 0;
  return open_vla(SOCK_DGRAM, srv, len) + scratch[0];
}

// Chosen by _Generic, so handed out: reported.
static int open_chosen(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

open_fn *chosen_opener(void) { return _Generic(0, int: open_chosen); }

int open_chosen_udp(const struct sockaddr *srv, socklen_t len) {
  return open_chosen(SOCK_DGRAM, srv, len);
}

// Stored while the size of the array a local pointer points to is
// computed: reported.
static int open_vla_ptr(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

int open_vla_ptr_udp(const struct sockaddr *srv, socklen_t len, int n) {
  int (*rows)[(vla_opener = open_vla_ptr) ? n : 1] = 0;
  return rows ? -1 : open_vla_ptr(SOCK_DGRAM, srv, len);
}

// Called with a stream type inside a cast to a pointer to such an array:
// the call runs, the connect with it: reported.
static int open_in_cast(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

int open_in_cast_udp(const struct sockaddr *srv, socklen_t len, char *buf) {
  char c = ((char(*)[open_in_cast(SOCK_STREAM, srv, len) + 2])buf)[0][0];
  return c + open_in_cast(SOCK_DGRAM, srv, len);
}

// Stored while a parameter's array size is computed, at each call: reported.
static int open_param(int type, const struct sockaddr *srv, socklen_t len) {
  int fd = nb_socket(srv->sa_family, type);
  if (fd != -1 && type != SOCK_DGRAM &&
      connect(fd, srv, len) && errno != EINPROGRESS) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 'fd' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    close(fd);
    return -1;
  }
  return fd;
}

int open_param_udp(int n, int (*rows)[(vla_opener = open_param) ? n : 1],
                   const struct sockaddr *srv, socklen_t len) {
  return rows ? open_param(SOCK_DGRAM, srv, len) : -1;
}
