// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-busy-wait-retry
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// Every I/O call the check knows, in the same do/while spin, with the
// direction the wait takes: the receiving calls and accept wait for
// POLLIN, the sending calls for POLLOUT. sendfile() and splice() wait on
// the socket they write to (their first and third argument). Plain read,
// write, recv, send and connect are in the other files.

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <netinet/in.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}

ssize_t spin_readv(int fd, const struct iovec *iov, int cnt) {
  ssize_t r;
  do {
    r = readv(fd, iov, cnt);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'readv' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = readv(fd, iov, cnt);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}

// pread() and pwrite() need a descriptor that can seek: a regular file,
// which O_NONBLOCK does not affect. They never fail with EAGAIN, so their
// retry is dead code, not a spin (lighttpd's temporary files are opened
// O_NONBLOCK and written with pwrite()).
ssize_t retry_pread(int fd, void *buf, size_t len, off_t off) {
  ssize_t r;
  do {
    r = pread(fd, buf, len, off);
  } while (r < 0 && errno == EAGAIN);
  return r;
}

ssize_t spin_recvfrom(int fd, void *buf, size_t len, struct sockaddr_storage *from) {
  ssize_t r;
  do {
    r = recvfrom(fd, buf, len, 0, (struct sockaddr *)from, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recvfrom' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = recvfrom(fd, buf, len, 0, (struct sockaddr *)from, NULL);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}

ssize_t spin_recvmsg(int fd, struct msghdr *msg) {
  ssize_t r;
  do {
    r = recvmsg(fd, msg, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'recvmsg' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = recvmsg(fd, msg, 0);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}

int spin_accept(int fd) {
  int r;
  do {
    r = accept(fd, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'accept' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = accept(fd, NULL, NULL);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}

int spin_accept4(int fd) {
  int r;
  do {
    r = accept4(fd, NULL, NULL, SOCK_CLOEXEC);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'accept4' on fd 'fd' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = accept4(fd, NULL, NULL, SOCK_CLOEXEC);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLIN, 0};{{$}}

ssize_t spin_writev(int fd, const struct iovec *iov, int cnt) {
  ssize_t r;
  do {
    r = writev(fd, iov, cnt);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'writev' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = writev(fd, iov, cnt);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}

ssize_t retry_pwrite(int fd, const void *buf, size_t len, off_t off) {
  ssize_t r;
  do {
    r = pwrite(fd, buf, len, off);
  } while (r < 0 && errno == EAGAIN);
  return r;
}

ssize_t spin_sendto(int fd, const void *buf, size_t len, const struct sockaddr_in *to) {
  ssize_t r;
  do {
    r = sendto(fd, buf, len, 0, (const struct sockaddr *)to, sizeof *to);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'sendto' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = sendto(fd, buf, len, 0, (const struct sockaddr *)to, sizeof *to);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}

ssize_t spin_sendmsg(int fd, const struct msghdr *msg) {
  ssize_t r;
  do {
    r = sendmsg(fd, msg, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'sendmsg' on fd 'fd' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = sendmsg(fd, msg, MSG_NOSIGNAL);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd, POLLOUT, 0};{{$}}

ssize_t spin_sendfile(int sock, int file, size_t len) {
  ssize_t r;
  do {
    r = sendfile(sock, file, NULL, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'sendfile' on fd 'sock' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = sendfile(sock, file, NULL, len);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {sock, POLLOUT, 0};{{$}}

ssize_t spin_splice(int from_pipe, int sock, size_t len) {
  ssize_t r;
  do {
    r = splice(from_pipe, NULL, sock, NULL, len, SPLICE_F_MOVE);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'splice' on fd 'sock' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
  } while (r < 0 && errno == EAGAIN);
  return r;
}
// CHECK-FIXES: {{^}}    r = splice(from_pipe, NULL, sock, NULL, len, SPLICE_F_MOVE);{{$}}
// CHECK-FIXES: {{^}}    if (r < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {sock, POLLOUT, 0};{{$}}

// --- look-alikes that are not I/O on a descriptor ---------------------------

// A transport's read hook is called through a pointer that happens to be
// named like the libc call: not a call the check knows.
struct transport {
  ssize_t (*read)(void *ctx, char *buf, size_t len);
  void *ctx;
};

ssize_t transport_read(struct transport *t, char *buf, size_t len) {
  ssize_t r;
  do {
    r = t->read(t->ctx, buf, len);
  } while (r < 0 && errno == EAGAIN);
  return r;
}
