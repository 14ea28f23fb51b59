// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --lang=c++ %s nbio-partial-write -- -std=c++17

// libssh2's channel and SFTP writes send one packet per call, and no more
// than the peer's window allows: the count they return may be short for a
// buffer of any size, and the caller writes the rest with another call.
// Reported: a retry that shortens the length but writes from the start of
// the buffer again. Quiet: a loop that moves on, the same call again after
// LIBSSH2_ERROR_EAGAIN, a count handed back.

#include <libssh2.h>
#include <libssh2_sftp.h>
#include <stddef.h>
#include <sys/types.h>

int channel_write_all(LIBSSH2_CHANNEL *ch, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = libssh2_channel_write(ch, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'libssh2_channel_write_ex' on libssh2 channel 'ch' retries a short write from the start of the buffer: the bytes already written go out again [nbio-partial-write]
    if (n == LIBSSH2_ERROR_EAGAIN)
      continue;
    if (n < 0)
      return -1;
    len -= (size_t)n;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the count shortens the length here, but the buffer does not move past the bytes written
    // CHECK-MESSAGES: :[[@LINE-8]]:17: note: 'libssh2_channel_write_ex' sends at most one SSH packet per call, and no more than the peer's window allows
  }
  return 0;
}

int channel_write_moving(LIBSSH2_CHANNEL *ch, const char *buf, size_t len) {
  size_t sent = 0;
  while (sent < len) {
    ssize_t n = libssh2_channel_write(ch, buf + sent, len - sent);
    if (n == LIBSSH2_ERROR_EAGAIN)
      continue;
    if (n < 0)
      return -1;
    sent += (size_t)n;
  }
  return 0;
}

int sftp_write_all(LIBSSH2_SFTP_HANDLE *h, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = libssh2_sftp_write(h, buf, len);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'libssh2_sftp_write' on libssh2 SFTP handle 'h' retries a short write from the start of the buffer: the bytes already written go out again [nbio-partial-write]
    if (n == LIBSSH2_ERROR_EAGAIN)
      continue;
    if (n < 0)
      return -1;
    len -= (size_t)n;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the count shortens the length here, but the buffer does not move past the bytes written
    // CHECK-MESSAGES: :[[@LINE-8]]:17: note: 'libssh2_sftp_write' sends at most one SSH packet per call
  }
  return 0;
}

int sftp_write_moving(LIBSSH2_SFTP_HANDLE *h, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = libssh2_sftp_write(h, buf, len);
    if (n == LIBSSH2_ERROR_EAGAIN)
      continue;
    if (n < 0)
      return -1;
    buf += n;
    len -= (size_t)n;
  }
  return 0;
}

// Even a small constant length: the peer's window may have room for less.
int channel_send_eof_line(LIBSSH2_CHANNEL *ch) {
  for (;;) {
    ssize_t n = libssh2_channel_write(ch, "EOF\n", 4);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'libssh2_channel_write_ex' on libssh2 channel 'ch' retries a short write from the start of the buffer
    if (n == 4)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: note: a short count goes back to the call here with the same buffer and length
      // CHECK-MESSAGES: :[[@LINE-4]]:17: note: 'libssh2_channel_write_ex' sends at most one SSH packet per call
      return 0;
    if (n < 0 && n != LIBSSH2_ERROR_EAGAIN)
      return -1;
  }
}

// The count goes back to the caller.
ssize_t channel_write_some(LIBSSH2_CHANNEL *ch, const char *buf, size_t len) {
  ssize_t n;
  do
    n = libssh2_channel_write(ch, buf, len);
  while (n == LIBSSH2_ERROR_EAGAIN);
  return n;
}
