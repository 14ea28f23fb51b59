// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// dup(), dup2() and dup3() give another number for the same open file, so
// the copy is a socket of the same type. Reduced from mosh's network layer:
// a class wraps a UDP socket made in its constructor's initializer, its
// copy constructor dup()s the other object's descriptor and its assignment
// dup2()s it onto its own; the connection sends each datagram with
// MSG_DONTWAIT through an accessor and only records a count that is not the
// datagram's size. A datagram is sent whole or not at all: quiet.
// Twins: the same class over a stream socket, and a datagram class that
// also takes a stream socket's file with dup2(), are reported.

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

class UdpSocket {
  int fd_;

public:
  explicit UdpSocket(int family) : fd_(socket(family, SOCK_DGRAM, 0)) {}
  UdpSocket(const UdpSocket &other) : fd_(dup(other.fd_)) {}
  UdpSocket &operator=(const UdpSocket &other) {
    dup2(other.fd_, fd_);
    return *this;
  }
  ~UdpSocket() { close(fd_); }
  int fd() const { return fd_; }
};

class Transport {
  UdpSocket socks_[2] = {UdpSocket(AF_INET), UdpSocket(AF_INET6)};
  int current_ = 0;
  const char *error_ = nullptr;
  int sock() const { return socks_[current_].fd(); }

public:
  void send(const char *packet, size_t size, const sockaddr *to,
            socklen_t len) {
    ssize_t sent = sendto(sock(), packet, size, MSG_DONTWAIT, to, len);
    if (sent != static_cast<ssize_t>(size))
      error_ = strerror(errno);
  }
  const char *error() const { return error_; }
};

// Twin: the same shape over a stream socket.
class TcpSocket {
  int fd_;

public:
  explicit TcpSocket(int family) : fd_(socket(family, SOCK_STREAM, 0)) {}
  TcpSocket(const TcpSocket &other) : fd_(dup(other.fd_)) {}
  ~TcpSocket() { close(fd_); }
  int fd() const { return fd_; }
};

class Relay {
  TcpSocket out_{AF_INET};
  const char *error_ = nullptr;

public:
  void send(const char *packet, size_t size) {
    ssize_t sent = ::send(out_.fd(), packet, size, MSG_DONTWAIT);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'send' on non-blocking fd 'out_.fd()' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    if (sent != static_cast<ssize_t>(size))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: a short count is taken for a failure here
      error_ = strerror(errno);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: a short write ends here, and the bytes not yet written are lost
    // CHECK-MESSAGES: :[[@LINE-6]]:52: note: 'MSG_DONTWAIT' makes this call non-blocking
  }
};

// Twin: a datagram class that can also take over a stream socket's file
// (dup2() onto its descriptor): its descriptor may be a stream socket.
class Channel {
  int fd_;

public:
  Channel() : fd_(socket(AF_INET, SOCK_DGRAM, 0)) {}
  void adopt(int listener) { dup2(accept(listener, nullptr, nullptr), fd_); }
  int fd() const { return fd_; }
};

class Peer {
  Channel chan_;
  const char *error_ = nullptr;

public:
  void send(const char *packet, size_t size, const sockaddr *to,
            socklen_t len) {
    ssize_t sent = sendto(chan_.fd(), packet, size, MSG_DONTWAIT, to, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'sendto' on non-blocking fd 'chan_.fd()' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
    if (sent != static_cast<ssize_t>(size))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: a short count is taken for a failure here
      error_ = strerror(errno);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: a short write ends here, and the bytes not yet written are lost
    // CHECK-MESSAGES: :[[@LINE-6]]:53: note: 'MSG_DONTWAIT' makes this call non-blocking
  }
};

// Twin: dup2() onto a number names whatever the number holds at each use;
// the file's other uses of descriptor 3 (a stream socket handed down by the
// service manager) are not made datagrams by it.
enum { InheritedFd = 3 };

void fall_back_to_udp() { dup2(socket(AF_INET, SOCK_DGRAM, 0), InheritedFd); }

int answer(const char *reply, size_t size) {
  ssize_t sent = send(InheritedFd, reply, size, MSG_DONTWAIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'send' on non-blocking fd 'InheritedFd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: a short count is taken for a failure here
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :[[@LINE-4]]:49: note: 'MSG_DONTWAIT' makes this call non-blocking
  if (sent != static_cast<ssize_t>(size))
    return -1;
  return 0;
}

// Twin: a copy of descriptor 0 is of any kind (a TCP socket under inetd).
int answer_either(bool datagram, const char *reply, size_t size) {
  int fd = datagram ? socket(AF_INET, SOCK_DGRAM, 0) : dup(0);
  ssize_t sent = send(fd, reply, size, MSG_DONTWAIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'send' on non-blocking fd 'fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: a short count is taken for a failure here
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :[[@LINE-4]]:40: note: 'MSG_DONTWAIT' makes this call non-blocking
  if (sent != static_cast<ssize_t>(size))
    return -1;
  return 0;
}

// Twin: a field the file fills only with dup2() holds what other files
// put there too.
struct Link {
  int fd;
};

void link_to_udp(Link *l) { dup2(socket(AF_INET, SOCK_DGRAM, 0), l->fd); }

int link_send(Link *l, const char *reply, size_t size) {
  ssize_t sent = send(l->fd, reply, size, MSG_DONTWAIT);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'send' on non-blocking fd 'l->fd' treats a short write as a failure; under load it writes only what fits in the buffer [nbio-partial-write]
  // CHECK-MESSAGES: :[[@LINE+3]]:7: note: a short count is taken for a failure here
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: a short write ends here, and the bytes not yet written are lost
  // CHECK-MESSAGES: :[[@LINE-4]]:43: note: 'MSG_DONTWAIT' makes this call non-blocking
  if (sent != static_cast<ssize_t>(size))
    return -1;
  return 0;
}
