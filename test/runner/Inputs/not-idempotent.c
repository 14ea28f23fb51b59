// Run with a fake clang-tidy whose fix is not idempotent.
int x;
// CHECK-FIXES: {{^}}int appended;{{$}}
// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
