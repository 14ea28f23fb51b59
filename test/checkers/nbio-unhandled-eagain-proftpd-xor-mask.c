// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-unhandled-eagain
// RUN: %check_nbio --lang=c++ %s nbio-unhandled-eagain -- -std=c++17

// Reduced from proftpd 1.3.8 (src/fsio.c, pr_fsio_set_block): the mask that
// clears O_NONBLOCK is written `ALL_BITS ^ O_NONBLOCK`, not `~O_NONBLOCK`.
// The previous plugin read every O_NONBLOCK that no `~` covers as a set, so
// the helper that makes a file handle blocking made its field
// "non-blocking", and mod_delay's writes to its table file (never
// non-blocking at all) were reported. The mask's value decides now: it
// lacks the bit, so the F_SETFL clears it. Twins: a mask computed the same
// way that holds the bit, and `flags ^ O_NONBLOCK` (a toggle of unknown
// flags, read as a set as before), are still reported.

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define ALL_BITS 0xffffffff

struct fh {
  int fd;
};

int fh_set_block(struct fh *fh) {
  int flags = fcntl(fh->fd, F_GETFL);
  if (flags < 0)
    return -1;
  return fcntl(fh->fd, F_SETFL, flags & (ALL_BITS ^ O_NONBLOCK));
}

// The table file's handle: the only mode change the file makes to fh->fd is
// the blocking one above.
int table_write(struct fh *fh, const char *rec, unsigned len) {
  if (write(fh->fd, rec, len) < 0) {
    close(fh->fd);
    return -1;
  }
  return 0;
}

// A FIFO opened without waiting for a reader, then made blocking with the
// same mask.
int copy_to(const char *path, const char *buf, unsigned len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK, 0600);
  if (fd < 0)
    return -1;
  int flags = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, flags & (ALL_BITS ^ O_NONBLOCK));
  if (write(fd, buf, len) < 0) {
    close(fd);
    return -1;
  }
  return close(fd);
}

// Twin: a mask built the same way that holds the bit sets it.
int send_nb(int sock, const char *buf, unsigned len) {
  int flags = fcntl(sock, F_GETFL);
  fcntl(sock, F_SETFL, flags | (O_NONBLOCK ^ O_APPEND));
  if (write(sock, buf, len) < 0) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'sock' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(sock);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'sock' was made non-blocking here
    return -1;
  }
  return 0;
}

// Twin: a toggle of flags read at run time.
int send_toggled(int sock2, const char *buf, unsigned len) {
  int flags = fcntl(sock2, F_GETFL);
  fcntl(sock2, F_SETFL, flags ^ O_NONBLOCK);
  if (write(sock2, buf, len) < 0) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on non-blocking fd 'sock2' treats EAGAIN as a fatal error [nbio-unhandled-eagain]
    close(sock2);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: when it fails with EAGAIN, 'close' ends the connection here without testing for EAGAIN or EWOULDBLOCK
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'sock2' was made non-blocking here
    return -1;
  }
  return 0;
}
