// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// h2load's own shape: a client class whose disconnect() shuts the TLS
// session down once, frees it when the shutdown does not finish at once,
// and closes its socket (a member) on every path. Not reported. The twin
// writes a last line in plain text through a member function after the
// shutdown: the connection goes on, and it is reported.

#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

class Client {
public:
  int connect(SSL_CTX *ctx) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd_ == -1)
      return -1;
    ssl_ = SSL_new(ctx);
    SSL_set_fd(ssl_, fd_);
    return 0;
  }

  void disconnect() {
    if (ssl_) {
      SSL_set_shutdown(ssl_, SSL_get_shutdown(ssl_) | SSL_RECEIVED_SHUTDOWN);
      if (SSL_shutdown(ssl_) != 1) {
        SSL_free(ssl_);
        ssl_ = nullptr;
      }
    }
    if (fd_ != -1) {
      ::shutdown(fd_, SHUT_WR);
      ::close(fd_);
      fd_ = -1;
    }
  }

  void quit() {
    if (SSL_shutdown(ssl_) != 1) {
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'SSL_shutdown' on OpenSSL session 'ssl_' over a non-blocking descriptor treats SSL_ERROR_WANT_READ as a fatal error [nbio-unhandled-eagain]
      SSL_free(ssl_);
      ssl_ = nullptr;
      ::close(fd_);
      return;
    }
    say("QUIT\r\n");
    ::close(fd_);
  }

private:
  void say(const char *line);
  SSL *ssl_ = nullptr;
  int fd_ = -1;
};
