// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#include "conn.h"

// Gives the field another field's session, which runs over a non-blocking
// socket.
void plain_take(plain_conn *p, quick_conn *q) { p->session = q->session; }
