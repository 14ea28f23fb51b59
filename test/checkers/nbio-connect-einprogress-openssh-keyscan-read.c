// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --prefix=CHECK-READS %s nbio-connect-einprogress
// RUN: %check_nbio --prefix=CHECK-READS %s nbio-connect-einprogress -- -std=c11 -DPLAIN_READ
// RUN: %check_nbio %s nbio-connect-einprogress -- -std=c11 -DTEST_AT_CONNECT
// RUN: %check_nbio %s nbio-connect-einprogress -- -std=c11 -DNO_IO
// RUN: %check_nbio %s nbio-connect-einprogress -- -std=c11 -DNOT_ERRNO
// RUN: %check_nbio %s nbio-connect-einprogress -- -std=c11 -DDATAGRAM

// After a non-blocking connect fails, the socket's next read or write fails
// with the reason: code that reads the server's greeting first and tells
// ECONNREFUSED from other errors reads the outcome there, without SO_ERROR
// (reduced from openssh's ssh-keyscan: tcpconnect() lets EINPROGRESS
// through, the main loop polls, and congreet() reads the banner through
// atomicio(read, ...) and reports a refused connection). The CHECK-READS
// runs expect no diagnostic. Twins, still reported: the only ECONNREFUSED
// test is in the function that connects (it may be about connect's own
// immediate failure, TEST_AT_CONNECT), in a function that makes no read
// or write (NO_IO), of a value that is not errno (NOT_ERRNO, an error code
// kept in a table), or after a read of a UDP socket, whose ICMP errors say
// ECONNREFUSED too (DATAGRAM).

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

size_t atomicio(ssize_t (*f)(int, void *, size_t), int fd, void *buf,
                size_t n);

int tcpconnect(const struct sockaddr *sa, socklen_t len) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s == -1)
    return -1;
  if (fcntl(s, F_SETFL, O_NONBLOCK) == -1) {
    close(s);
    return -1;
  }
  if (connect(s, sa, len) == -1 && errno != EINPROGRESS) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the outcome of non-blocking 'connect' on fd 's' is never read back with getsockopt(SO_ERROR) [nbio-connect-einprogress]
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: once the socket is writable, getsockopt(fd, SOL_SOCKET, SO_ERROR, ...) tells whether the connection succeeded
#ifdef TEST_AT_CONNECT
    if (errno == ECONNREFUSED)
      fprintf(stderr, "refused at once\n");
#endif
    close(s);
    return -1;
  }
  return s;
}

void wait_all(struct pollfd *p, int n) { (void)poll(p, n, 1000); }

#ifdef NOT_ERRNO
extern int last_code;
#define ERRVAL last_code
#else
#define ERRVAL errno
#endif

int congreet(int s, char *buf, size_t n) {
#if defined(DATAGRAM)
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  (void)s;
  if (recv(u, buf, n, 0) > 0)
    return 0;
#elif defined(PLAIN_READ)
  ssize_t got = read(s, buf, n);
  if (got > 0)
    return 0;
#elif !defined(NO_IO)
  if (atomicio(read, s, buf, n) == n)
    return 0;
#endif
#if !defined(TEST_AT_CONNECT)
  switch (ERRVAL) {
  case ECONNREFUSED:
    fprintf(stderr, "connection refused\n");
    break;
  default:
    perror("read");
  }
#endif
  return -1;
}
