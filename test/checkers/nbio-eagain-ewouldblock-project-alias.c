// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// A project that names "would block" itself and defines the name per
// platform (nginx's NGX_EAGAIN: EWOULDBLOCK on HP-UX, EAGAIN elsewhere) has
// handled the difference already: its tests are not reported. The plain
// names still are.

#include <errno.h>
#include <sys/socket.h>

#if defined(__hpux)
#define IO_EAGAIN EWOULDBLOCK
#else
#define IO_EAGAIN EAGAIN
#endif

int io_recv_alias(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n == -1 && errno == IO_EAGAIN)
    return 0;
  return (int)n;
}

int io_recv_alias_switch(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n >= 0)
    return (int)n;
  switch (errno) {
  case IO_EAGAIN:
    return 0;
  default:
    return -1;
  }
}

int io_recv_plain(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n == -1 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    return 0;
  return (int)n;
}
// CHECK-FIXES: {{^}}  if (n == -1 && (errno == EAGAIN ||{{$}}
// CHECK-FIXES-NEXT: {{^}}                  (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}

// The alias met on the way through macros (libmicrohttpd's
// MHD_SCKT_ERR_IS_EAGAIN_(err) hands its own MHD_SCKT_EAGAIN_ to a
// comparing macro, and tests both names in an #if branch where they
// differ): not reported either.
#define SK_ERR_IS_(err, code) ((code) == (err))
#define SK_EAGAIN_ EAGAIN
#if defined(__hpux)
#define SK_ERR_IS_EAGAIN_(err)                                                 \
  (SK_ERR_IS_((err), SK_EAGAIN_) || SK_ERR_IS_((err), EWOULDBLOCK))
#else
#define SK_ERR_IS_EAGAIN_(err) SK_ERR_IS_((err), SK_EAGAIN_)
#endif

int sk_recv(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n < 0) {
    const int err = errno;
    if (SK_ERR_IS_EAGAIN_(err))
      return 0;
    return -1;
  }
  return (int)n;
}

// Twins: the comparing macro handed EAGAIN itself, and a one-token macro
// that is the whole comparison (its name is no alias of EAGAIN).
#define SK_AGAIN (errno == EAGAIN)
// CHECK-FIXES: {{^}}#define SK_AGAIN (errno == EAGAIN || (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK)){{$}}

int sk_recv_plain_arg(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n < 0) {
    const int err = errno;
    if (SK_ERR_IS_(err, EAGAIN))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
      // CHECK-MESSAGES: :52:32: note: the comparison is written in the macro 'SK_ERR_IS_': fixed there once for every use
      return 0;
    return -1;
  }
  return (int)n;
}

int sk_recv_whole_macro(int fd, char *b, int len) {
  ssize_t n = recv(fd, b, (size_t)len, 0);
  if (n < 0 && SK_AGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'recv' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-MESSAGES: :74:19: note: the comparison is written in the macro 'SK_AGAIN': fixed there once for every use
    return 0;
  return (int)n;
}
