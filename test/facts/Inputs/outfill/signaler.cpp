// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// The signaler's read end comes from make_fdpair() in ip.cpp; the
// mailbox's from make_stream_pair(), a socket pair's end.
#include "ip.hpp"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static void unblock(fd_t s) {
  fcntl(s, F_SETFL, fcntl(s, F_GETFL, 0) | O_NONBLOCK);
}

class signaler_t {
public:
  signaler_t() {
    if (zmq::make_fdpair(&_r, &_w) == 0)
      unblock(_r);
  }
  int recv_failable() {
    uint64_t dummy;
    if (read(_r, &dummy, sizeof(dummy)) == -1) {
      if (errno != EAGAIN)
        abort();
      return -1;
    }
    return 0;
  }

private:
  fd_t _w, _r;
};

class mailbox_t {
public:
  mailbox_t() {
    if (zmq::make_stream_pair(&_r, &_w) == 0)
      unblock(_r);
  }
  int recv_failable() {
    unsigned char dummy;
    if (read(_r, &dummy, sizeof(dummy)) == -1) {
      if (errno != EAGAIN)
        abort();
      return -1;
    }
    return 0;
  }

private:
  fd_t _w, _r;
};

int poll_once(signaler_t &s, mailbox_t &m) {
  return s.recv_failable() + m.recv_failable();
}
