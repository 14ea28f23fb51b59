// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Socket helpers of a network daemon, in their own file. make_socket()
// hands its caller's type to socket(), so what it returns is as blocking
// as each caller asks (dhcpcd's xsocket(), called with SOCK_NONBLOCK
// everywhere). make_stream() always makes a plain blocking stream socket.
// make_copy() returns a dup() of its caller's descriptor, which shares its
// mode.
#include <sys/socket.h>
#include <unistd.h>

int make_socket(int domain, int type, int protocol) {
  int s = socket(domain, type, protocol);
  if (s == -1)
    return -1;
  return s;
}

int make_socket_cloexec(int domain, int type) {
  int t = type | SOCK_CLOEXEC;
  return socket(domain, t, 0);
}

int make_stream(int domain) {
  int s = socket(domain, SOCK_STREAM, 0);
  if (s == -1)
    return -1;
  return s;
}

int make_copy(int fd) { return dup(fd); }

// The caller's type on one path, a stream on the other: what it returns
// is non-blocking where the caller asks, but not always of its type.
int make_socket_or_stream(int type, int tcp) {
  if (tcp)
    return socket(AF_INET, SOCK_STREAM, 0);
  return socket(AF_INET, type, 0);
}
