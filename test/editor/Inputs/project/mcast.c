/* A multicast prober that reads the TTL of replies from SOL_IP control
 * messages: the file needs a socket macro only Linux defines, outside any
 * #if, so it is built only where EAGAIN and EWOULDBLOCK are one value and
 * clang-tidy is quiet on its EAGAIN-only test. nbio-clangd cannot see the
 * project's headers' directives in its preamble and reports it
 * (../../preamble-linux-only-macro.test). Both report the read that closes
 * the socket on a would-block. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

int probe_level(int fd, char *buf, size_t cap) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = recv(fd, buf, cap, 0);
  if (n < 0 && errno == EAGAIN)
    return 0;
  return n < 0 ? -1 : SOL_IP;
}

int probe_drain(int fd, char *buf, size_t cap) {
  fcntl(fd, F_SETFL, O_NONBLOCK);
  ssize_t n = read(fd, buf, cap);
  if (n < 0) {
    close(fd);
    return -1;
  }
  return 0;
}
/* SPDX-FileCopyrightText: 2026 The nbio contributors */
/* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception */
