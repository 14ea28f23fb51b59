// A project's umbrella header for the nbio-busy-wait-retry include tests:
// the test file includes only this, in quotes.
#ifndef BUSY_NET_H
#define BUSY_NET_H
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#include <unistd.h>
#endif
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
