// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Reduced from libvncserver 0.9.14 (libvncserver/rfbssl_gnutls.c and
// libvncclient/tls_gnutls.c): the VNC server hands its non-blocking client
// socket to GnuTLS and then loops on gnutls_handshake(),
// gnutls_record_recv() and gnutls_record_send() for as long as they return
// GNUTLS_E_AGAIN, without waiting for the socket: a slow viewer makes the
// server spin. The fix waits with poll() on the session's descriptor
// (gnutls_transport_get_int), in the direction the session says
// (gnutls_record_get_direction). Loops that wait, or give up, are quiet.

#include <gnutls/gnutls.h>
#include <poll.h>

struct tls_ctx {
  gnutls_session_t session;
};

int tls_handshake(struct tls_ctx *ctx) {
  int ret;
  while (GNUTLS_E_SUCCESS != (ret = gnutls_handshake(ctx->session))) {
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'gnutls_handshake' on the socket of 'ctx->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (ret == GNUTLS_E_AGAIN)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the call is retried from here
    // CHECK-FIXES: {{^}}    if (ret == GNUTLS_E_AGAIN) {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {gnutls_transport_get_int(ctx->session), {{.*}}!gnutls_record_get_direction(ctx->session) ? POLLIN : POLLOUT{{.*}}, 0};{{$}}
    // CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      continue;{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
    break;
  }
  return ret;
}

int tls_read(struct tls_ctx *ctx, char *buf, int len) {
  int ret;
  while ((ret = (int)gnutls_record_recv(ctx->session, buf, (size_t)len)) < 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'gnutls_record_recv' on the socket of 'ctx->session' is retried on GNUTLS_E_AGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    // CHECK-MESSAGES: :[[@LINE-2]]:79: note: the call is retried from here
    // CHECK-MESSAGES: :[[@LINE-3]]:22: note: no fix-it: the loop body also leaves the loop; wait for readiness where it goes round again on this failure
    if (ret == GNUTLS_E_AGAIN) {
      /* again */
    } else if (ret == GNUTLS_E_INTERRUPTED) {
      /* again */
    } else {
      break;
    }
  }
  return ret < 0 ? -1 : ret;
}

int tls_write(gnutls_session_t s, const char *buf, unsigned n) {
  unsigned off = 0;
  while (off < n) {
    ssize_t ret = gnutls_record_send(s, buf + off, n - off);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'gnutls_record_send' on the socket of 's' is retried on GNUTLS_E_AGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (ret < 0) {
      if (ret == GNUTLS_E_AGAIN || ret == GNUTLS_E_INTERRUPTED)
        continue;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: the call is retried from here
      // CHECK-FIXES: {{^}}        struct pollfd wait_pfd = {gnutls_transport_get_int(s), {{.*}}!gnutls_record_get_direction(s) ? POLLIN : POLLOUT{{.*}}, 0};{{$}}
      return -1;
    }
    off += (unsigned)ret;
  }
  return (int)off;
}

// Look-alikes: a wait for the session's socket before the retry, and a loop
// that hands GNUTLS_E_AGAIN back to the event loop.
int tls_read_waiting(gnutls_session_t s, char *buf, size_t len) {
  ssize_t ret;
  while ((ret = gnutls_record_recv(s, buf, len)) == GNUTLS_E_AGAIN) {
    struct pollfd p = {gnutls_transport_get_int(s), POLLIN, 0};
    (void)poll(&p, 1, 1000);
  }
  return (int)ret;
}

int tls_read_once(gnutls_session_t s, char *buf, size_t len) {
  for (;;) {
    ssize_t ret = gnutls_record_recv(s, buf, len);
    if (ret == GNUTLS_E_INTERRUPTED)
      continue;
    if (ret == GNUTLS_E_AGAIN)
      return 0; // try again on the next readiness event
    return (int)ret;
  }
}
