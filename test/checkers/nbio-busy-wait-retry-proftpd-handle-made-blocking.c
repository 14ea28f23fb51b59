// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry

// The retry loop of proftpd's file copy (src/fsio.c, pr_fs_copy_file2):
// the destination opened with O_NONBLOCK is made blocking by
// pr_fsio_set_block(dst_fh), a helper given the handle, so a write that
// fails with EAGAIN and is tried again cannot spin. Twin, reported: the
// helper given the other handle.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>
// CHECK-FIXES: {{^}}#include <poll.h>{{$}}

struct handle {
  const char *name;
  int fh_fd;
};

int handle_set_block(struct handle *fh) {
  if (fh == NULL) {
    errno = EINVAL;
    return -1;
  }
  int flags = fcntl(fh->fh_fd, F_GETFL);
  if (flags < 0)
    return -1;
  return fcntl(fh->fh_fd, F_SETFL, flags & ~O_NONBLOCK);
}

int handle_set_nonblock(struct handle *fh) {
  int flags = fcntl(fh->fh_fd, F_GETFL);
  if (flags < 0)
    return -1;
  return fcntl(fh->fh_fd, F_SETFL, flags | O_NONBLOCK);
}

int copy_out(struct handle *in, struct handle *out, const char *buf,
             size_t n) {
  (void)in;
  handle_set_block(out);
  while (n > 0) {
    ssize_t r = write(out->fh_fd, buf, n);
    if (r < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return -1;
    }
    buf += r;
    n -= (size_t)r;
  }
  return 0;
}

int copy_other(struct handle *in, struct handle *out, const char *buf,
               size_t n) {
  handle_set_block(in);
  while (n > 0) {
    ssize_t r = write(out->fh_fd, buf, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'write' on fd 'out->fh_fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (r < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
        // CHECK-MESSAGES: :[[@LINE-1]]:9: note: the call is retried from here
      // CHECK-FIXES: {{^}}      if (errno == EINTR || errno == EAGAIN) {{[{]}}{{$}}
      // CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {out->fh_fd, POLLOUT, 0};{{$}}
      // CHECK-FIXES-NEXT: {{^}}        (void)poll(&wait_pfd, 1, -1);{{$}}
      return -1;
    }
    buf += r;
    n -= (size_t)r;
  }
  return 0;
}
