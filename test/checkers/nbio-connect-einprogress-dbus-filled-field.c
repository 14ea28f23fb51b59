// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-connect-einprogress

// Reduced from dbus 1.14 (dbus-sysdeps-unix.c,
// _dbus_connect_tcp_socket_with_nonce): a socket wrapper struct's `fd`
// field holds non-blocking descriptors elsewhere in the file (the sockets
// systemd hands over are made non-blocking and stored in an array of the
// wrappers), so the analysis, which keys a field by its declaration, took
// every object's `fd` for a non-blocking one. The connecting function fills
// its own local wrapper through the field's address with a helper that
// stores socket() of the type its caller gives, SOCK_STREAM here, and makes
// it non-blocking only after connect() has returned: the connect blocks,
// and giving up on any failure is right. A fill through the address is a
// new value on every path of the helper, as an assignment is.
// Twins that stay reported: a wrapper copied from the array, a caller that
// asks the helper for SOCK_NONBLOCK, a helper that may return without
// storing, one that makes the new socket non-blocking itself, one that
// adds SOCK_NONBLOCK to the type it is given, one that keeps a copy of the
// pointer, a socket made non-blocking before the connect or through a
// pointer the caller kept, another wrapper's field (the analysis keys a
// field by its declaration, for every object), and a function that fills
// its own copy of a descriptor parameter, which leaves the caller's as
// it was.

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct {
  int fd;
} wrapped_sock;

wrapped_sock *handed_over;
static int cached_fd = -1;

static int set_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL, 0);
  return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

void take_handed_over(int n) {
  for (int fd = 3; fd < 3 + n; fd++) {
    set_nonblocking(fd);
    handed_over[fd - 3].fd = fd;
  }
}

// As dbus's helper: the caller's type, or-ed with SOCK_CLOEXEC, and a
// second try without it on an old kernel.
static int open_socket(int *fd_p, int domain, int type, int protocol) {
  *fd_p = socket(domain, type | SOCK_CLOEXEC, protocol);
  if (*fd_p < 0 && errno == EINVAL)
    *fd_p = socket(domain, type, protocol);
  return *fd_p >= 0;
}

// --- Quiet ----------------------------------------------------------------

wrapped_sock connect_tcp(const struct sockaddr *sa, socklen_t len,
                         int family) {
  wrapped_sock s;
  if (!open_socket(&s.fd, family, SOCK_STREAM, 0)) {
    s.fd = -1;
    return s;
  }
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
    s.fd = -1;
    return s;
  }
  set_nonblocking(s.fd);
  return s;
}

static void open_stream(int *out) { *out = socket(AF_INET, SOCK_STREAM, 0); }

int connect_plain(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s;
  open_stream(&s.fd);
  if (s.fd < 0)
    return -1;
  if (connect(s.fd, sa, len) != 0) {
    close(s.fd);
    return -1;
  }
  return s.fd;
}

// --- Reported -------------------------------------------------------------

int connect_handed_over(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s = handed_over[0];
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :46:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return 0;
}

int connect_nonblock_type(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s;
  if (!open_socket(&s.fd, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0))
    return -1;
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :46:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

static int open_or_cached(int *out) {
  if (cached_fd >= 0)
    return 1;
  *out = socket(AF_INET, SOCK_STREAM, 0);
  return *out >= 0;
}

int connect_maybe_cached(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s = handed_over[1];
  if (!open_or_cached(&s.fd))
    return -1;
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :46:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

// The file's own helper, whatever its name, makes the new socket
// non-blocking.
static int make_async(int fd) {
  return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
}

static void open_ready(int *out) {
  *out = socket(AF_INET, SOCK_STREAM, 0);
  make_async(*out);
}

int connect_ready(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s;
  open_ready(&s.fd);
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :46:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

int connect_after_mode(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s;
  open_stream(&s.fd);
  set_nonblocking(s.fd);
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 's.fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

static int open_typed(int *fd_p, int type) {
  type |= SOCK_NONBLOCK;
  *fd_p = socket(AF_INET, type, 0);
  return *fd_p >= 0;
}

int connect_typed(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s;
  open_typed(&s.fd, SOCK_STREAM);
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :46:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

static int *last_opened;

static void open_kept(int *out) {
  int *kept = out;
  *out = socket(AF_INET, SOCK_STREAM, 0);
  last_opened = kept;
}

int connect_kept(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s;
  open_kept(&s.fd);
  set_nonblocking(*last_opened);
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :46:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

int connect_through_pointer(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s;
  open_stream(&s.fd);
  int *p = &s.fd;
  make_async(*p);
  if (connect(s.fd, sa, len) < 0) {
    close(s.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 's.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :46:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

int connect_other_object(const struct sockaddr *sa, socklen_t len) {
  wrapped_sock s, t = handed_over[2];
  open_stream(&s.fd);
  if (connect(t.fd, sa, len) < 0) {
    close(t.fd);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 't.fd' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :46:5: note: 'fd' was made non-blocking here
    return -1;
  }
  return s.fd;
}

// A fill of a parameter's own copy gives it a new value: the caller's
// descriptor is left as it was, non-blocking.
static void reopen(int fd) {
  open_stream(&fd);
  close(fd);
}

int connect_after_reopen(const struct sockaddr *sa, socklen_t len) {
  int sock = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  reopen(sock);
  if (connect(sock, sa, len) < 0) {
    close(sock);
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'connect' on non-blocking fd 'sock' treats EINPROGRESS as a failure [nbio-connect-einprogress]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: when it fails with EINPROGRESS, 'close' ends the connection here without testing for EINPROGRESS
  // CHECK-MESSAGES: :[[@LINE-6]]:14: note: 'socket' creates a non-blocking descriptor here
    return -1;
  }
  return sock;
}

// CHECK-FIXES: static int nbio_connect_wait(int rc, int fd, int timeout_ms) {
// CHECK-FIXES: if (nbio_connect_wait(connect(s.fd, sa, len), s.fd, 5000) < 0) {
// CHECK-FIXES: if (nbio_connect_wait(connect(t.fd, sa, len), t.fd, 5000) < 0) {
// CHECK-FIXES: if (nbio_connect_wait(connect(sock, sa, len), sock, 5000) < 0) {
