// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
struct conn {
  int sock;
  int plain;
  int spare;
};
