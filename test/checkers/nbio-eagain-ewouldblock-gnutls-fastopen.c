// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock
// RUN: %check_nbio --lang=c++ %s nbio-eagain-ewouldblock -- -std=c++17

// Reduced from GnuTLS's TCP Fast Open transport: the first send goes out
// with sendmsg(..., MSG_FASTOPEN), which connects and sends at once, and
// the errno is then compared with EAGAIN alone. MSG_FASTOPEN is Linux's
// own flag (FreeBSD turns Fast Open on with a socket option, macOS with
// connectx()), so the call is built only where EAGAIN and EWOULDBLOCK are
// one value: not reported. The same send without the flag still is.

#define _GNU_SOURCE 1
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

struct tfo {
  struct sockaddr_storage peer;
  socklen_t peer_len;
  int flags;
};

ssize_t tfo_first_send(struct tfo *p, int fd, const struct iovec *iov,
                       int n) {
  struct msghdr hdr;
  memset(&hdr, 0, sizeof hdr);
  hdr.msg_iov = (struct iovec *)iov;
  hdr.msg_iovlen = (size_t)n;
  hdr.msg_name = &p->peer;
  hdr.msg_namelen = p->peer_len;
  ssize_t ret = sendmsg(fd, &hdr, p->flags | MSG_FASTOPEN);
  if (ret < 0 && errno == EINPROGRESS)
    errno = EAGAIN;
  if (ret == 0 || errno != EAGAIN)
    p->peer_len = 0;
  return ret;
}

ssize_t plain_first_send(struct tfo *p, int fd, const struct iovec *iov,
                         int n) {
  struct msghdr hdr;
  memset(&hdr, 0, sizeof hdr);
  hdr.msg_iov = (struct iovec *)iov;
  hdr.msg_iovlen = (size_t)n;
  ssize_t ret = sendmsg(fd, &hdr, p->flags);
  if (ret == 0 || errno != EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: errno from 'sendmsg' on 'fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (ret == 0 || (errno != EAGAIN &&{{$}}
    // CHECK-FIXES-NEXT: {{^}}                   (EWOULDBLOCK == EAGAIN || errno != EWOULDBLOCK))){{$}}
    p->peer_len = 0;
  return ret;
}
