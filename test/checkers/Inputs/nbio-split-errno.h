// Mock of the parts of <errno.h> the nbio tests use, for a C library where
// EAGAIN and EWOULDBLOCK are different numbers (glibc makes them equal).
// Tests that include it must not include the real <errno.h>.

#ifndef NBIO_TEST_SPLIT_ERRNO_H
#define NBIO_TEST_SPLIT_ERRNO_H

#define EINTR 4
#define EAGAIN 11
#define ECONNRESET 104
#define EWOULDBLOCK 35
#define EINPROGRESS 36
#define EALREADY 37

extern int errno;

#endif
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
