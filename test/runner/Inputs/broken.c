// Does not compile: clang-tidy reports the error and the runner fails.
int f(void) { return ; }
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
