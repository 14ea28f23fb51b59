// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// A write loop that takes the count off the length and never moves the
// buffer: after a short write the next call starts again at the first
// byte, so the peer gets the head of the message twice and never its
// tail. Reduced from openconnect 9.01 (gnutls.c, _openconnect_gnutls_write:
// `len -= done` with `buf` left where it was). Twins, quiet: the buffer
// moved too, the rest shifted down to the buffer's start (memmove), and a
// buffer refilled each time round.

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

int out_fd;

void out_open(int fd) {
  out_fd = fd;
  fcntl(out_fd, F_SETFL, O_NONBLOCK);
}

int put_all(const char *buf, size_t len) {
  while (len) {
    ssize_t done = write(out_fd, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'write' on non-blocking fd 'out_fd' retries a short write from the start of the buffer: the bytes already written go out again [nbio-partial-write]
    if (done > 0)
      len -= (size_t)done;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the count shortens the length here, but the buffer does not move past the bytes written
    else if (done < 0 && errno != EAGAIN && errno != EINTR)
      return -1;
  }
  return 0;
}

int put_all_moving(const char *buf, size_t len) {
  while (len) {
    ssize_t done = write(out_fd, buf, len);
    if (done > 0) {
      len -= (size_t)done;
      buf += done;
    } else if (done < 0 && errno != EAGAIN && errno != EINTR) {
      return -1;
    }
  }
  return 0;
}

int put_all_shifted(char *buf, size_t len) {
  while (len) {
    ssize_t done = write(out_fd, buf, len);
    if (done > 0) {
      memmove(buf, buf + done, len - (size_t)done);
      len -= (size_t)done;
    } else if (done < 0 && errno != EAGAIN && errno != EINTR) {
      return -1;
    }
  }
  return 0;
}

size_t next_chunk(char *buf, size_t cap);

// A new chunk each time round: what was written of the last one is gone
// from the buffer, but so is the need to send it again.
int put_chunks(char *buf, size_t cap) {
  size_t len = next_chunk(buf, cap);
  while (len) {
    ssize_t done = write(out_fd, buf, len);
    if (done < 0)
      return -1;
    len -= (size_t)done;
    if (!len)
      len = next_chunk(buf, cap);
  }
  return 0;
}
