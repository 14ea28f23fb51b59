// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// RUN: %check_nbio %s nbio-partial-write
// RUN: %check_nbio --prefix=ALL %s nbio-partial-write \
// RUN:   --config='{CheckOptions: {nbio-partial-write.AllDescriptors: true}}'

// By default only descriptors known to be non-blocking are looked at. With
// AllDescriptors, every write is: a blocking write is short too when a
// signal interrupts it after some bytes, or when SO_SNDTIMEO expires.

#include <unistd.h>

int put(int fd, const char *b, size_t len) {
  if (write(fd, b, len) < 0)
    // ALL-MESSAGES: :[[@LINE-1]]:7: warning: 'write' on fd 'fd' can write fewer bytes than asked, but only a failure is tested: the rest of the buffer is never sent [nbio-partial-write]
    return -1;
  return 0;
}

// Quiet either way: the loop goes on from the count.
int put_all(int fd, const char *b, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, b, len);
    if (n < 0)
      return -1;
    b += n;
    len -= (size_t)n;
  }
  return 0;
}
