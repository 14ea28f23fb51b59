// SPDX-FileCopyrightText: 2026 The nbio contributors
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
// A project header whose last token, with no newline after it, is SOL_IP:
// the scan of the project's headers reads every token to the end.
#include <netinet/in.h>
#define PROBE_LEVEL SOL_IP