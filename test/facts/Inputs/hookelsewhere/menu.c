// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A third file keeps the peek handler in a table of its own, and may call
// it through the table at any time.
#include "plugin.h"

int (*const chat_commands[])(const void *, void *, int) = {chat_peek_cb};
