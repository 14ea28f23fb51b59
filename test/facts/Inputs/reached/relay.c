// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A layer between the accept side and the protocol: it hands the
// descriptor on as it came.
void handle_relay(int fd);

void relay(int fd) { handle_relay(fd); }
