// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A struct whose definition other files see: any of them may store a
// descriptor of its own choosing in 'sock'.
struct shared_route {
  int sock;
  unsigned seq;
};
