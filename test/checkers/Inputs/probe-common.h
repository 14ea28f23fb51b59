// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A project header with nothing about Linux's socket macros, included in
// both branches of an `#ifdef _WIN32` (libowfat's io_internal.h).
#ifndef PROBE_COMMON_H
#define PROBE_COMMON_H
#include <stddef.h>
size_t probe_budget(void);
#endif
