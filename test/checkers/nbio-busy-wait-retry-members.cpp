// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-busy-wait-retry -- -std=c++17

// C++ connection classes: the descriptor is a member, the global calls are
// spelled ::recv/::send, back-off goes through <thread> and <chrono>, and a
// method may share a name with the libc call it wraps.

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// CHECK-FIXES: {{^}}#include <thread>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <poll.h>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <sys/socket.h>{{$}}

namespace rpc {

class Channel {
public:
  explicit Channel(int fd) : fd_(fd) {}
  ssize_t recvSome(char *p, std::size_t n);
  ssize_t sendSome(const char *p, std::size_t n);
  ssize_t recvYielding(char *p, std::size_t n);
  ssize_t recvSleeping(char *p, std::size_t n);
  ssize_t recvNotified(char *p, std::size_t n);
  void notify();
  // Named like the libc call; not one of the calls the check knows.
  ssize_t read(char *p, std::size_t n) { return ::read(fd_, p, n); }

private:
  int fd_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool readable_ = false;
};

ssize_t Channel::recvSome(char *p, std::size_t n) {
  ssize_t got;
  do {
    got = ::recv(fd_, p, n, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'recv' on fd 'fd_' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
  } while (got < 0 && errno == EAGAIN);
  return got;
}
// CHECK-FIXES: {{^}}    if (got < 0 && errno == EAGAIN) {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}      struct pollfd wait_pfd = {fd_, POLLIN, 0};{{$}}
// CHECK-FIXES-NEXT: {{^}}      (void)poll(&wait_pfd, 1, -1);{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}

ssize_t Channel::sendSome(const char *p, std::size_t n) {
  for (;;) {
    ssize_t put = ::send(this->fd_, p, n, MSG_NOSIGNAL);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'send' on fd 'this->fd_' is retried on EAGAIN without waiting for it to become writable [nbio-busy-wait-retry]
    if (put < 0 && errno == EWOULDBLOCK) {
      continue;
    }
    return put;
  }
}
// CHECK-FIXES: {{^}}        struct pollfd wait_pfd = {this->fd_, POLLOUT, 0};{{$}}

// Yielding the processor is not waiting for the socket: still a spin.
ssize_t Channel::recvYielding(char *p, std::size_t n) {
  for (;;) {
    ssize_t got = ::recv(fd_, p, n, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'recv' on fd 'fd_' is retried on EAGAIN without waiting for it to become readable [nbio-busy-wait-retry]
    if (got < 0 && errno == EAGAIN) {
      std::this_thread::yield();
      continue;
    }
    return got;
  }
}
// CHECK-FIXES: {{^}}      std::this_thread::yield();{{$}}
// CHECK-FIXES-NEXT: {{^}}      {{[{]}}{{$}}
// CHECK-FIXES-NEXT: {{^}}        struct pollfd wait_pfd = {fd_, POLLIN, 0};{{$}}

// --- not a busy wait --------------------------------------------------------

// Sleeping between attempts is a back-off.
ssize_t Channel::recvSleeping(char *p, std::size_t n) {
  for (;;) {
    ssize_t got = ::recv(fd_, p, n, 0);
    if (got < 0 && errno == EAGAIN) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    return got;
  }
}

// Another thread says when the socket is readable.
ssize_t Channel::recvNotified(char *p, std::size_t n) {
  for (;;) {
    ssize_t got = ::recv(fd_, p, n, 0);
    if (got < 0 && errno == EAGAIN) {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return readable_; });
      readable_ = false;
      continue;
    }
    return got;
  }
}

void Channel::notify() {
  std::lock_guard<std::mutex> lock(mu_);
  readable_ = true;
  cv_.notify_one();
}

// A method called read() is not ::read().
ssize_t drain(Channel &ch, char *p, std::size_t n) {
  ssize_t got;
  do {
    got = ch.read(p, n);
  } while (got < 0 && errno == EAGAIN);
  return got;
}

// Nor is a function of another namespace that happens to be called recv().
namespace fake {
inline ssize_t recv(int, void *, std::size_t, int) { return -1; }
} // namespace fake

ssize_t drainFake(int fd, char *p, std::size_t n) {
  ssize_t got;
  do {
    got = fake::recv(fd, p, n, 0);
  } while (got < 0 && errno == EAGAIN);
  return got;
}

} // namespace rpc
