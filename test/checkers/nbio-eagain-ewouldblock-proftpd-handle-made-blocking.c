// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-eagain-ewouldblock

// A helper given a handle makes the handle's descriptor blocking. Reduced
// from proftpd's file copy (src/fsio.c, pr_fs_copy_file2): the destination
// is opened with O_NONBLOCK so that opening a FIFO does not hang, then
// pr_fsio_set_block(dst_fh) clears the flag on dst_fh->fh_fd, and the copy
// loop's EAGAIN test can no longer fire: it is dead code, not a
// portability bug. The helper is judged by what it does to its parameter's
// field (its early returns on a null handle or a failed F_GETFL are the
// same "may" as for a helper given the descriptor itself).
//
// Twins, still reported: the helper called on another handle, called on
// one path only, the handle replaced after the call, the descriptor made
// non-blocking again by another helper, and a helper that clears another
// field.

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>

struct handle {
  const char *name;
  int fh_fd;
  int aux_fd;
};

struct handle *handle_open(const char *path, int flags);

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

int aux_set_block(struct handle *fh) {
  int flags = fcntl(fh->aux_fd, F_GETFL);
  return fcntl(fh->aux_fd, F_SETFL, flags & ~O_NONBLOCK);
}

void log_msg(const char *fmt, ...);

// The copy as proftpd writes it: quiet.
int copy_out(const char *dst, const char *buf, size_t n) {
  struct handle *out = handle_open(dst, O_WRONLY | O_CREAT | O_NONBLOCK);
  if (out == NULL)
    return -1;
  if (handle_set_block(out) < 0)
    log_msg("cannot make '%s' blocking", dst);
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

// A handle held in a struct value, made blocking through its address.
int copy_value(struct handle h, const char *buf, size_t n) {
  handle_set_block(&h);
  ssize_t r = write(h.fh_fd, buf, n);
  if (r < 0 && errno == EAGAIN)
    return 0;
  return (int)r;
}

// Another handle was made blocking.
int copy_other(struct handle *in, struct handle *out, const char *buf,
               size_t n) {
  handle_set_block(in);
  ssize_t r = write(out->fh_fd, buf, n);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'write' on 'out->fh_fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)r;
}

// Made blocking on one path only.
int copy_maybe(struct handle *out, int fifo, const char *buf, size_t n) {
  if (fifo)
    handle_set_block(out);
  ssize_t r = write(out->fh_fd, buf, n);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'write' on 'out->fh_fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)r;
}

// The handle is replaced after it was made blocking.
int copy_reopened(const char *dst, const char *buf, size_t n) {
  struct handle *out = handle_open(dst, O_WRONLY | O_NONBLOCK);
  handle_set_block(out);
  out = handle_open(dst, O_WRONLY | O_APPEND | O_NONBLOCK);
  ssize_t r = write(out->fh_fd, buf, n);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'write' on 'out->fh_fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)r;
}

// Made non-blocking again before the write.
int copy_toggled(struct handle *out, const char *buf, size_t n) {
  handle_set_block(out);
  handle_set_nonblock(out);
  ssize_t r = write(out->fh_fd, buf, n);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'write' on 'out->fh_fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)r;
}

// The helper clears another field of the handle.
int copy_aux(struct handle *out, const char *buf, size_t n) {
  aux_set_block(out);
  ssize_t r = write(out->fh_fd, buf, n);
  if (r < 0 && errno == EAGAIN)
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: errno from 'write' on 'out->fh_fd' is compared with EAGAIN but not with EWOULDBLOCK, which differs from it on some platforms [nbio-eagain-ewouldblock]
    // CHECK-FIXES: {{^}}  if (r < 0 && (errno == EAGAIN ||{{$}}
    // CHECK-FIXES-NEXT: {{^}}                (EWOULDBLOCK != EAGAIN && errno == EWOULDBLOCK))){{$}}
    return 0;
  return (int)r;
}
