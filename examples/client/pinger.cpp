// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// Pings the echo server once a second and reports the round trip.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "netutil.h"

class Pinger {
public:
  explicit Pinger(int fd) : fd_(fd) {}
  ~Pinger() { ::close(fd_); }

  bool ping() {
    auto start = std::chrono::steady_clock::now();
    if (!send_byte())
      return false;
    char c = 0;
    for (;;) {
      ssize_t n = ::recv(fd_, &c, 1, 0);
      if (n == 1)
        break;
      // MISTAKE (nbio-eagain-ewouldblock): EWOULDBLOCK is not tested; it is
      // EAGAIN on Linux but a different value on some other systems.
      if (n < 0 && errno == EAGAIN) {
        pollfd p{fd_, POLLIN, 0};
        ::poll(&p, 1, 1000);
        continue;
      }
      return false;
    }
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    std::printf("rtt %lld us\n", static_cast<long long>(us));
    return true;
  }

private:
  // Correct: both names tested.
  bool send_byte() {
    for (;;) {
      ssize_t n = ::send(fd_, "p", 1, MSG_NOSIGNAL);
      if (n == 1)
        return true;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        pollfd p{fd_, POLLOUT, 0};
        ::poll(&p, 1, 1000);
        continue;
      }
      return false;
    }
  }

  int fd_;
};

int main() {
  int fd = net_connect(7000);
  if (fd < 0)
    return 1;
  pollfd p{fd, POLLOUT, 0};
  if (::poll(&p, 1, 5000) != 1)
    return 1;
  Pinger pinger(fd);
  for (int i = 0; i < 3 && pinger.ping(); i++)
    std::this_thread::sleep_for(std::chrono::seconds(1));
  return 0;
}
